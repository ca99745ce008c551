package org.v2mzero.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The {@code manifest.json} of a take (DESIGN.md §5): what was made, from what, and where its files are.
 * File names are relative to the take's folder.
 *
 * @param formatVersion         version of this manifest's shape
 * @param takeId                the take's folder name; unique within a take library
 * @param createdAt             ISO-8601 instant
 * @param source                the scored video, as an absolute path
 * @param project               the DAW project the video was found in (absolute path), or {@code null}
 * @param sourceOffsetSeconds   where in the video the take starts (a DAW item's offset into its source)
 * @param timelineOffsetSeconds where the take starts on the DAW timeline (0 for a plain video)
 * @param durationSeconds       length of every audio file
 * @param sampleRate            frames per second of every audio file
 * @param bitsPerSample         PCM word size of every audio file
 * @param channels              channels of every audio file
 * @param prompt                the composer's text prompt
 * @param seed                  the generator's seed: same inputs and seed give the same files
 * @param generator             which generator made the notes
 * @param style                 the style the prompt was read as, for people (e.g. {@code orchestral, D minor})
 * @param tempoMap              the tempo map every MIDI file carries
 * @param soundfont             what rendered the audio
 * @param curveDigest           SHA-256 of {@link #curve} (hex), so a changed analysis is noticed
 * @param stems                 one entry per stem
 * @param mix                   the summed stems
 * @param midi                  the type-1 SMF with the tempo map and every stem as a track
 * @param curve                 the analysis the take was made from
 * @param styleMatch            how the prompt was read as {@link #style}; {@code null} in older takes
 * @param loudness              the mix's loudness after normalisation; {@code null} in older takes
 * @param lineage               for a regenerated take, the take it was made from and the range that changed;
 *                              {@code null} for a take made from scratch
 * @param key                   the key the notes are in, as tonic and mode (e.g. {@code D minor}, {@code F# major}),
 *                              which a regenerated range keeps; {@code null} in older takes and for
 *                              generators without a key
 */
@JsonPropertyOrder({"formatVersion", "takeId", "createdAt", "source", "project", "sourceOffsetSeconds",
    "timelineOffsetSeconds",
    "durationSeconds", "sampleRate", "bitsPerSample", "channels", "prompt", "seed", "generator", "style", "key",
    "tempoMap", "soundfont", "curveDigest", "stems", "mix", "midi", "curve", "styleMatch", "loudness", "lineage"})
public record TakeManifest(
        int formatVersion,
        String takeId,
        String createdAt,
        String source,
        String project,
        double sourceOffsetSeconds,
        double timelineOffsetSeconds,
        double durationSeconds,
        int sampleRate,
        int bitsPerSample,
        int channels,
        String prompt,
        long seed,
        GeneratorInfo generator,
        String style,
        TempoMap tempoMap,
        SoundfontInfo soundfont,
        String curveDigest,
        List<Stem> stems,
        String mix,
        String midi,
        String curve,
        StyleMatchInfo styleMatch,
        LoudnessInfo loudness,
        Lineage lineage,
        String key) {

    public static final int FORMAT_VERSION = 1;

    public TakeManifest {
        stems = List.copyOf(stems);
    }

    /** A manifest without a {@link #key}, as takes were written before it was recorded. */
    public TakeManifest(int formatVersion, String takeId, String createdAt, String source, String project,
            double sourceOffsetSeconds, double timelineOffsetSeconds, double durationSeconds, int sampleRate,
            int bitsPerSample, int channels, String prompt, long seed, GeneratorInfo generator, String style,
            TempoMap tempoMap, SoundfontInfo soundfont, String curveDigest, List<Stem> stems, String mix, String midi,
            String curve, StyleMatchInfo styleMatch, LoudnessInfo loudness, Lineage lineage) {
        this(formatVersion, takeId, createdAt, source, project, sourceOffsetSeconds, timelineOffsetSeconds,
                durationSeconds, sampleRate, bitsPerSample, channels, prompt, seed, generator, style, tempoMap, soundfont,
                curveDigest, stems, mix, midi, curve, styleMatch, loudness, lineage, null);
    }

    /**
     * @param method     {@code minilm} (cosine of MiniLM sentence embeddings) or {@code keywords} (fallback)
     * @param chosen     the style's name
     * @param similarity the chosen style's score: cosine for minilm, matched keywords for keywords
     * @param runnersUp  the next best styles, best first
     */
    public record StyleMatchInfo(String method, String chosen, double similarity, List<Candidate> runnersUp) {
        public StyleMatchInfo {
            runnersUp = List.copyOf(runnersUp);
        }
    }

    /** @param style a style's name; @param similarity its score, as {@link StyleMatchInfo#similarity} */
    public record Candidate(String style, double similarity) {}

    /**
     * The mix's loudness (ITU-R BS.1770-4 / EBU R128), after the one gain applied to every stem.
     *
     * @param integratedLufs gated integrated loudness, LUFS; {@code null} when silent (fully gated)
     * @param truePeakDbtp   4× oversampled true peak, dBTP; {@code null} when silent
     * @param targetLufs     the normalisation target, LUFS
     * @param ceilingDbtp    the true-peak ceiling the gain respected, dBTP
     * @param gainDb         the gain applied to every stem, dB
     */
    public record LoudnessInfo(Double integratedLufs, Double truePeakDbtp, double targetLufs, double ceilingDbtp,
            double gainDb) {}

    /**
     * Where a regenerated take comes from. Outside {@code [startSeconds, endSeconds)} (take time, from
     * the take's first sample) its notes are the parent's; inside they are new.
     *
     * @param parentTakeId the take this one was regenerated from
     * @param startSeconds first regenerated moment, on a bar line of the shared tempo map
     * @param endSeconds   end of the regenerated range (exclusive), on a bar line or the take's end
     */
    public record Lineage(String parentTakeId, double startSeconds, double endSeconds) {}

    /**
     * @param name              e.g. {@code symbolic}, {@code neural}
     * @param version           the generator's own version
     * @param executionProvider where a network generator ran ({@code CPU}, {@code CUDA}); absent (null) for
     *                          one without a network
     */
    public record GeneratorInfo(String name, String version,
            @JsonInclude(JsonInclude.Include.NON_NULL) String executionProvider) {
        /** A generator without a network. */
        public GeneratorInfo(String name, String version) {
            this(name, version, null);
        }
    }

    /**
     * @param path    absolute path of the SF2 file, or {@code null} for Java's built-in soundbank
     * @param name    the soundbank's own name
     * @param version the SF2 {@code ifil} version, e.g. {@code 2.1}; {@code null} for the built-in bank
     */
    public record SoundfontInfo(String path, String name, String version) {}

    /**
     * @param name    stem name, e.g. {@code drums}
     * @param program General MIDI program (0-127), or -1 for a percussion kit
     * @param wav     file name of the stem's audio
     * @param mid     file name of the stem's MIDI (type 1: tempo track + this stem)
     * @param peakDbfs sample peak of the stem's audio in dBFS
     */
    public record Stem(String name, int program, String wav, String mid, double peakDbfs) {}
}
