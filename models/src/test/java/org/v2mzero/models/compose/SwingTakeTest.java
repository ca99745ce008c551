package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.render.MidiFiles;

/**
 * A whole take in a swinging style, read back from the MIDI file it writes: the off-beat eighths sit at
 * two thirds of the beat, the beats and the hits keep their ticks, and "straight" turns it off.
 */
class SwingTakeTest {
    private static final List<String> GROOVE = List.of("drums", "bass", "harmony", "melody");
    private static final int BEAT = MidiFiles.PPQ;
    private final SymbolicComposer composer = new SymbolicComposer();

    /** A note-on in the written MIDI: its stem, key and tick. */
    record On(String stem, int pitch, long tick) {}

    @Test
    void jazzOffBeatEighthsSitAtTwoThirdsOfTheBeatAndTheBeatsStay() {
        Arrangement swung = compose("jazz noir");
        Arrangement straight = compose("jazz noir, straight");
        assertEquals("jazz, swing 0.67 on eighths, F major", swung.style());
        assertEquals("jazz, F major", straight.style());
        assertEquals(straight.tempoMap(), swung.tempoMap(), "swing moves notes, not the grid");
        assertEquals(swung, compose("jazz noir"), "deterministic");
        List<On> swungOns = ons(swung);
        List<On> straightOns = ons(straight);
        List<Long> pinned = accentTicks(swung);

        List<On> offBeats = straightOns.stream().filter(o -> within(o.tick() % BEAT, BEAT / 2, 0)).toList();
        assertTrue(offBeats.size() >= 20, "the straight take plays off-beat eighths: " + offBeats.size());
        int moved = 0;
        for (On o : offBeats) {
            long at = o.tick() + BEAT / 6;
            // On a hit it stays (below); swung into the breath of stop-time before one it is left out.
            if (pinned.stream().anyMatch(p -> within(p, o.tick(), 2) || (p > o.tick() && p - at < BEAT))) {
                continue;
            }
            assertTrue(swungOns.stream().anyMatch(s -> s.stem().equals(o.stem()) && s.pitch() == o.pitch()
                    && within(s.tick(), at, 1)), o + " swung to tick " + at);
            moved++;
        }
        assertTrue(moved >= 20, "moved " + moved);
        assertEquals(List.of(), swungOns.stream().filter(o -> within(o.tick() % BEAT, BEAT / 2, 1))
                .filter(o -> pinned.stream().noneMatch(p -> within(p, o.tick(), 2))).toList(),
                "no straight off-beat eighth is left but on a hit");
        assertEquals(onBeats(straightOns), onBeats(swungOns));
    }

    @Test
    void notesOnTheHitsKeepTheirTicks() {
        Arrangement swung = compose("jazz noir");
        List<On> swungOns = ons(swung);
        List<Long> pinned = accentTicks(swung);
        List<On> onHits = ons(compose("jazz noir, straight")).stream()
                .filter(o -> pinned.stream().anyMatch(p -> within(p, o.tick(), 2))).toList();
        assertTrue(onHits.size() >= pinned.size(), "every accent has notes on it: " + onHits);
        for (On o : onHits) {
            assertTrue(swungOns.contains(o), o + " kept");
        }
    }

    @Test
    void aStraightStyleIsUnchangedByTheFeelWordsAndASwingWordSwingsIt() {
        assertEquals(compose("driving rock"), compose("driving rock, straight"));
        Arrangement shuffle = compose("driving rock shuffle");
        assertEquals("rock, swing 0.67 on eighths, E minor", shuffle.style());
        assertTrue(ons(shuffle).stream().anyMatch(o -> within(o.tick() % BEAT, 2 * BEAT / 3, 1)));
    }

    @Test
    void hipHopSwingsItsSixteenthsLightly() {
        Arrangement a = compose("boom bap hip hop beat");
        assertEquals("hiphop, swing 0.58 on sixteenths, C minor", a.style());
        List<On> hats = ons(a).stream().filter(o -> o.stem().equals("drums") && o.pitch() == 42).toList();
        long half = BEAT / 2;
        assertTrue(hats.stream().anyMatch(o -> within(o.tick() % half, Math.round(0.58 * half), 1)), hats.toString());
        List<Long> pinned = accentTicks(a);
        assertTrue(hats.stream().filter(o -> within(o.tick() % half, half / 2, 1))
                .allMatch(o -> pinned.stream().anyMatch(p -> within(p, o.tick(), 2))), "straight sixteenths left");
    }

    private Arrangement compose(String prompt) {
        return composer.generate(new GenerationRequest(SymbolicComposerTest.analysis(), prompt, 1, 24));
    }

    /** The note-ons of the grooving stems as the MIDI file writes them. */
    private static List<On> ons(Arrangement a) {
        Sequence seq = MidiFiles.sequence(a.tempoMap(), a.stems());
        List<On> out = new ArrayList<>();
        for (int i = 0; i < a.stems().size(); i++) {
            String stem = a.stems().get(i).name();
            if (!GROOVE.contains(stem)) {
                continue;
            }
            Track track = seq.getTracks()[i + 1];
            for (int e = 0; e < track.size(); e++) {
                MidiEvent event = track.get(e);
                if (event.getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.NOTE_ON) {
                    out.add(new On(stem, m.getData1(), event.getTick()));
                }
            }
        }
        return out;
    }

    private static List<On> onBeats(List<On> ons) {
        return ons.stream().filter(o -> o.tick() % BEAT == 0).toList();
    }

    private static List<Long> accentTicks(Arrangement a) {
        return AccentWriter.accents(SymbolicComposerTest.analysis(), 24).stream()
                .map(x -> Math.round(a.tempoMap().beatAt(x.time()) * BEAT)).toList();
    }

    private static boolean within(long a, long b, long ticks) {
        return Math.abs(a - b) <= ticks;
    }
}
