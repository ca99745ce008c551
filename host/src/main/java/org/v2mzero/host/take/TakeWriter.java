package org.v2mzero.host.take;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.v2mzero.host.score.ScoreJob;
import org.v2mzero.host.score.ScoreRequest;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.compose.StyleMatch;
import org.v2mzero.models.render.MidiFiles;
import org.v2mzero.models.render.Mixdown;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.WavWriter;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * Writes a take's files (DESIGN.md §5) into its staging folder: per stem a WAV and a MIDI file,
 * {@code mix.wav}, {@code score.mid} (type 1, tempo map + every stem), {@code curve.json}, and last
 * {@code manifest.json}, which names them all.
 */
public final class TakeWriter {
    public static final String MIX = "mix.wav";
    public static final String SCORE_MIDI = "score.mid";
    public static final String CURVE = "curve.json";
    public static final String MANIFEST = "manifest.json";

    private final TakeStaging staging;
    private final int sampleRate;

    /** Everything a take is made of. */
    public record Contents(ScoreRequest request, ZonedDateTime createdAt, Generator generator, Soundfont soundfont,
            CurveAnalysis analysis, Arrangement arrangement, Mixdown mixdown, TakeManifest.Lineage lineage) {}

    public TakeWriter(TakeStaging staging, int sampleRate) {
        this.staging = staging;
        this.sampleRate = sampleRate;
    }

    public TakeManifest write(Contents c) throws IOException {
        Path dir = staging.dir();
        long timeReference = Math.round(c.request().placement().timelineSeconds() * sampleRate);
        String description = "v2m take " + staging.takeId();

        byte[] curveJson = Json.writeBytes(c.analysis());
        AtomicFiles.write(dir.resolve(CURVE), curveJson);

        List<StemPart> parts = c.arrangement().stems();
        List<TakeManifest.Stem> stems = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            StemPart part = parts.get(i);
            float[][] audio = c.mixdown().stems().get(i);
            String wav = part.name() + ".wav";
            String mid = part.name() + ".mid";
            WavWriter.write(dir.resolve(wav), audio, sampleRate, timeReference, description + " " + part.name());
            MidiFiles.writeType1(dir.resolve(mid), c.arrangement().tempoMap(), List.of(part));
            stems.add(new TakeManifest.Stem(part.name(), part.percussion() ? -1 : part.program(), wav, mid,
                    Mixdown.peakDbfs(audio)));
        }
        WavWriter.write(dir.resolve(MIX), c.mixdown().mix(), sampleRate, timeReference, description + " mix");
        MidiFiles.writeType1(dir.resolve(SCORE_MIDI), c.arrangement().tempoMap(), parts);

        TakeManifest manifest = manifest(c, stems, sha256(curveJson));
        AtomicFiles.write(dir.resolve(MANIFEST), Json.writeBytes(manifest));
        return manifest;
    }

    private TakeManifest manifest(Contents c, List<TakeManifest.Stem> stems, String curveDigest) {
        return new TakeManifest(TakeManifest.FORMAT_VERSION, staging.takeId(), c.createdAt().toInstant().toString(),
                absolute(c.request().video()), c.request().project() == null ? null : absolute(c.request().project()),
                c.request().placement().sourceOffsetSeconds(), c.request().placement().timelineSeconds(),
                c.arrangement().durationSeconds(), sampleRate, 24, 2, c.request().prompt(), c.request().seed(),
                new TakeManifest.GeneratorInfo(c.generator().name(), c.generator().version(),
                        c.generator().executionProvider().orElse(null)),
                c.arrangement().style(), c.arrangement().tempoMap(),
                c.soundfont().info(),
                curveDigest, stems, MIX, SCORE_MIDI, CURVE, styleMatch(c.arrangement().styleMatch()),
                loudness(c.mixdown()), c.lineage(), c.arrangement().key() == null ? null : c.arrangement().key().name());
    }

    private static TakeManifest.StyleMatchInfo styleMatch(StyleMatch m) {
        if (m == null) {
            return null;
        }
        return new TakeManifest.StyleMatchInfo(m.method(), m.style().name(), round(m.similarity()),
                m.runnersUp().stream().map(r -> new TakeManifest.Candidate(r.style(), round(r.similarity()))).toList());
    }

    private static TakeManifest.LoudnessInfo loudness(Mixdown mixdown) {
        return mixdown.loudness().map(l -> new TakeManifest.LoudnessInfo(finite(l.integratedLufs()),
                finite(l.truePeakDbtp()), ScoreJob.TARGET_LUFS, ScoreJob.TRUE_PEAK_CEILING_DBTP,
                round(mixdown.gainDb()))).orElse(null);
    }

    /** JSON has no infinities: silence is {@code null}. */
    private static Double finite(double db) {
        return Double.isFinite(db) ? round(db) : null;
    }

    /** Four decimals: more would only print float noise into the manifest. */
    private static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }

    private static String absolute(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
