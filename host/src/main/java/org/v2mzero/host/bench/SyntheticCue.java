package org.v2mzero.host.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

/**
 * A made-up analysis for benchmarks that need a cue without a video: a curve that swells and falls in
 * 15 s sections, a strong hit every 3.3 s and a cut every 15 s. Static; any thread.
 */
public final class SyntheticCue {
    static final double FRAME_RATE = 25;
    /** The benchmark cue: a minute, as issue 4's speed target states it. */
    public static final double BENCH_SECONDS = 60;
    /** A prompt whose style writes all five stems (drums, bass, harmony, melody, fx). */
    public static final String BENCH_PROMPT = "epic orchestral action";

    private SyntheticCue() {}

    /**
     * Composes the 60 s five-stem benchmark cue and writes it as {@code score.mid} in {@code dir}.
     *
     * @return the written file
     */
    public static Path writeMidi(Path dir) throws IOException {
        Arrangement a = new SymbolicComposer().generate(
                new GenerationRequest(analysis(BENCH_SECONDS), BENCH_PROMPT, 1, BENCH_SECONDS));
        Path midi = dir.resolve(TakeWriter.SCORE_MIDI);
        MidiFiles.writeType1(midi, a.tempoMap(), a.stems());
        return midi;
    }

    /** @param durationSeconds length of the cue, seconds (&gt; 1) */
    public static CurveAnalysis analysis(double durationSeconds) {
        if (!(durationSeconds > 1)) {
            throw new IllegalArgumentException("durationSeconds : " + durationSeconds + " (expected: > 1)");
        }
        int n = (int) Math.round(durationSeconds * FRAME_RATE);
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / FRAME_RATE;
            v[i] = 1.5 * Math.sin(2 * Math.PI * t[i] / 30);
        }
        List<Hit> hits = new ArrayList<>();
        for (double time = 1.7; time < durationSeconds - 1; time += 3.3) {
            hits.add(new Hit(time, 1.5 + (hits.size() % 3)));
        }
        List<Double> cuts = new ArrayList<>();
        for (double time = 15; time < durationSeconds - 1; time += 15) {
            cuts.add(time);
        }
        return new CurveAnalysis("synthetic", durationSeconds, n, new EventCurve(t, v), hits, cuts,
                List.of());
    }
}
