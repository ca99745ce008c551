package org.v2mzero.models.neural;

import static org.v2mzero.models.neural.Vocabulary.Kind.BAR;
import static org.v2mzero.models.neural.Vocabulary.Kind.BOS;
import static org.v2mzero.models.neural.Vocabulary.Kind.DRUM;
import static org.v2mzero.models.neural.Vocabulary.Kind.DUR;
import static org.v2mzero.models.neural.Vocabulary.Kind.EOS;
import static org.v2mzero.models.neural.Vocabulary.Kind.PITCH;
import static org.v2mzero.models.neural.Vocabulary.Kind.POS;
import static org.v2mzero.models.neural.Vocabulary.Kind.PROGRAM;
import static org.v2mzero.models.neural.Vocabulary.Kind.TEMPO;
import static org.v2mzero.models.neural.Vocabulary.Kind.TIMESIG;
import static org.v2mzero.models.neural.Vocabulary.Kind.VEL;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.v2mzero.models.neural.MidiTokenizer.GridNote;

/** Writes a piece already on the grid as tokens, bar by bar (TOKENS.md, "Encoding a piece", step 5). */
final class TokenWriter {
    private final IntStream.Builder out = IntStream.builder();
    private final List<Metre> metres;
    private int bar = -1;
    private int barStart;
    private int metre;
    private int nextMetre = 1;

    private TokenWriter(List<Metre> metres) {
        this.metres = metres;
        this.metre = metres.get(0).value();
    }

    /**
     * @param tempos tempo changes after unit 0, each changing the tempo in force, none after the last onset
     * @param notes  in token order, no two alike in (unit, program, key)
     */
    static int[] write(List<Metre> metres, int headerTempo, SortedMap<Integer, Integer> tempos, List<GridNote> notes) {
        TokenWriter w = new TokenWriter(metres);
        w.out.add(BOS.id(0)).add(TIMESIG.id(w.metre)).add(TEMPO.id(headerTempo));
        TreeSet<Integer> units = new TreeSet<>(tempos.keySet());
        notes.forEach(n -> units.add(n.unit()));
        int i = 0;
        for (int u : units) {
            w.barsUpTo(u);
            w.out.add(POS.id(u - w.barStart));
            if (tempos.containsKey(u)) {
                w.out.add(TEMPO.id(tempos.get(u)));
            }
            for (int program = -1; i < notes.size() && notes.get(i).unit() == u; i++) {
                GridNote n = notes.get(i);
                if (n.program() != program) {
                    program = n.program();
                    w.out.add(PROGRAM.id(program));
                }
                w.out.add((program == Vocabulary.DRUM_KIT ? DRUM : PITCH).id(n.key()));
                w.out.add(DUR.id(n.duration())).add(VEL.id(n.velocity()));
            }
        }
        return w.out.add(EOS.id(0)).build().toArray();
    }

    /** Starts bars (with their metre changes) until the one holding {@code unit}. */
    private void barsUpTo(int unit) {
        while (bar < 0 || unit >= barStart + Vocabulary.barUnits(metre)) {
            barStart += bar < 0 ? 0 : Vocabulary.barUnits(metre);
            bar++;
            out.add(BAR.id(0));
            for (; nextMetre < metres.size() && metres.get(nextMetre).bar() <= bar; nextMetre++) {
                if (metres.get(nextMetre).value() != metre) {
                    metre = metres.get(nextMetre).value();
                    out.add(TIMESIG.id(metre));
                }
            }
        }
    }
}
