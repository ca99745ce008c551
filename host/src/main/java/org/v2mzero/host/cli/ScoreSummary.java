package org.v2mzero.host.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.v2mzero.host.score.ScoreResult;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TempoMap;

/** The one-screen summary {@code v2m score} and {@code v2m demo} print when a take is written. */
final class ScoreSummary {
    private ScoreSummary() {}

    static String format(ScoreResult result) {
        CurveAnalysis a = result.analysis();
        TakeManifest m = result.manifest();
        String stems = m.stems().stream().map(TakeManifest.Stem::name).collect(Collectors.joining(", "));
        String cuts = a.cuts().stream().map(t -> String.format(Locale.ROOT, "%.2f", t))
                .collect(Collectors.joining(" ", "[", "]"));
        Path dir = relative(result.takeDir());
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "video     %s%n", Path.of(m.source()).getFileName()));
        s.append(String.format(Locale.ROOT, "          %.2f s, %d frames, %d hits, %d cuts %s%n",
                a.duration(), a.frames(), a.hits().size(), a.cuts().size(), cuts));
        if (m.project() != null) {
            s.append(String.format(Locale.ROOT, "timeline  %.3f s in %s (video from %.3f s, %.2f s long)%n",
                    m.timelineOffsetSeconds(), Path.of(m.project()).getFileName(), m.sourceOffsetSeconds(),
                    m.durationSeconds()));
        }
        s.append(String.format(Locale.ROOT, "music     %s, %s in %d, prompt \"%s\", seed %d%n",
                m.style(), tempi(m.tempoMap()), m.tempoMap().beatsPerBar(), m.prompt(), m.seed()));
        s.append(String.format(Locale.ROOT, "grid      first downbeat %.3f s; cuts off the beat by %s s%n",
                firstDownbeat(m.tempoMap()), gridOffsets(m.tempoMap(), a)));
        if (m.styleMatch() != null) {
            s.append(String.format(Locale.ROOT, "style     %s%n", styleMatch(m.styleMatch())));
        }
        s.append(String.format(Locale.ROOT, "stems     %s (%d Hz, %d-bit, %s)%n",
                stems, m.sampleRate(), m.bitsPerSample(), level(m)));
        s.append(String.format(Locale.ROOT, "take      %s%n", dir));
        s.append(String.format(Locale.ROOT, "          %s, %s, %s, %s, per-stem .wav and .mid%n",
                m.mix(), m.midi(), m.curve(), TakeWriter.MANIFEST));
        return s.toString();
    }

    /**
     * The tempi the cue moves in, after the intro bar if any, with the bar (counted from 1) and time where
     * each section's tempo starts: e.g. {@code 100.0 bpm} or {@code 100.0 bpm, 120.0 from bar 9 (19.20 s)}.
     */
    static String tempi(TempoMap map) {
        List<TempoMap.Change> steady = map.changes().subList(hasIntro(map) ? 1 : 0, map.changes().size());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%.1f bpm", steady.get(0).bpm()));
        for (TempoMap.Change c : steady.subList(1, steady.size())) {
            s.append(String.format(Locale.ROOT, ", %.1f from bar %d (%.2f s)", c.bpm(),
                    Math.round(c.beat() / map.beatsPerBar()) + 1, c.seconds()));
        }
        return s.toString();
    }

    /** Where the steady grid's bars begin, seconds: after the intro bar when there is one. */
    static double firstDownbeat(TempoMap map) {
        return hasIntro(map) ? map.changes().get(1).seconds() : 0;
    }

    /**
     * Whether the map opens with the composer's intro bar: a bar in its own tempo that leads to the fitted
     * grid (a tempo change at the end of bar 1; a section's change comes two bars in at the earliest).
     */
    private static boolean hasIntro(TempoMap map) {
        return map.changes().size() > 1 && map.changes().get(1).beat() == map.beatsPerBar();
    }

    /** Each cut's distance to its nearest beat, seconds (negative: before the beat), e.g. {@code [+0.004 -0.012]}. */
    static String gridOffsets(TempoMap map, CurveAnalysis a) {
        return a.cuts().stream().map(t -> {
            double beat = map.beatAt(t);
            double nearest = Math.rint(beat);
            return String.format(Locale.ROOT, "%+.3f", t - map.secondsAt(nearest));
        }).collect(Collectors.joining(" ", "[", "]"));
    }

    /** E.g. {@code horror 0.52 (minilm), then suspense 0.47, trailer 0.40, orchestral 0.38}. */
    static String styleMatch(TakeManifest.StyleMatchInfo sm) {
        String next = sm.runnersUp().stream()
                .map(c -> String.format(Locale.ROOT, "%s %.2f", c.style(), c.similarity()))
                .collect(Collectors.joining(", "));
        return String.format(Locale.ROOT, "%s %.2f (%s)%s", sm.chosen(), sm.similarity(), sm.method(),
                next.isEmpty() ? "" : ", then " + next);
    }

    /** E.g. {@code mix -23.0 LUFS, true peak -4.2 dBTP}. */
    private static String level(TakeManifest m) {
        TakeManifest.LoudnessInfo l = m.loudness();
        if (l == null) {
            return "mix loudness not measured";
        }
        if (l.integratedLufs() == null) {
            return "mix silent";
        }
        return String.format(Locale.ROOT, "mix %.1f LUFS, true peak %.1f dBTP", l.integratedLufs(), l.truePeakDbtp());
    }

    private static Path relative(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        return dir.startsWith(cwd) ? cwd.relativize(dir) : dir;
    }
}
