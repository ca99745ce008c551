package org.v2mzero.host.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import org.v2mzero.host.score.ScoreResult;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;

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
        s.append(String.format(Locale.ROOT, "music     %s, %.1f bpm in %d, prompt \"%s\", seed %d%n",
                m.style(), m.tempoMap().initialBpm(), m.tempoMap().beatsPerBar(), m.prompt(), m.seed()));
        s.append(String.format(Locale.ROOT, "stems     %s (%d Hz, %d-bit, mix peak %.1f dBFS)%n",
                stems, m.sampleRate(), m.bitsPerSample(), result.mixPeakDbfs()));
        s.append(String.format(Locale.ROOT, "take      %s%n", dir));
        s.append(String.format(Locale.ROOT, "          %s, %s, %s, %s, per-stem .wav and .mid%n",
                m.mix(), m.midi(), m.curve(), TakeWriter.MANIFEST));
        return s.toString();
    }

    private static Path relative(Path dir) {
        Path cwd = Path.of("").toAbsolutePath();
        return dir.startsWith(cwd) ? cwd.relativize(dir) : dir;
    }
}
