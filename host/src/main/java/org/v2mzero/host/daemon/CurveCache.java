package org.v2mzero.host.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.function.DoubleConsumer;
import java.util.logging.Logger;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.protocol.AtomicFiles;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;

/**
 * Video analyses on disk, keyed by the video's content and the analyser's parameters: re-opening a
 * session costs a hash instead of a decode, a changed video or recipe misses the cache. Entries are
 * written temp-then-rename, so a crash leaves either a whole entry or none; an entry that does not
 * parse is recomputed and replaced. A partial analysis (a cut-short or damaged video) is cached as it
 * is, partial mark included: it is all those bytes hold, and a repaired video hashes to another key.
 * Any thread; two threads missing the same key both compute it and the last rename wins, with
 * identical content.
 */
final class CurveCache {
    private static final Logger LOG = Logger.getLogger(CurveCache.class.getName());
    /**
     * Part of every key, beside the analyser's parameters: bump it when the recipe's code changes what
     * the same parameters compute, so no stale analysis is served. 2: a cut-short video is partial, no
     * longer complete; 3: damaged spans inside a video are listed, and no cut is read at their ends.
     */
    static final String RECIPE_VERSION = "recipe-3";

    /** An analysis and the content hash of the video it was made from. */
    record Entry(CurveAnalysis analysis, String videoSha256) {}

    private final Path folder;
    private final VideoCurveAnalyzer analyzer;
    private final VideoFingerprint fingerprints = new VideoFingerprint();

    CurveCache(Path folder, VideoCurveAnalyzer analyzer) {
        this.folder = folder;
        this.analyzer = analyzer;
    }

    /** The analysis of {@code video}, from the cache or computed now (reporting 0..1 progress). */
    Entry analysis(Path video, DoubleConsumer progress) throws IOException {
        String sha = fingerprints.of(video);
        Path file = folder.resolve(key(sha) + ".json");
        if (Files.isRegularFile(file)) {
            try {
                return new Entry(Json.read(file, CurveAnalysis.class), sha);
            } catch (IOException e) {
                LOG.warning("curve cache entry " + file + " unreadable, analysing again (" + e.getMessage() + ")");
            }
        }
        CurveAnalysis analysis = analyzer.analyze(video, progress);
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(file, Json.writeBytes(analysis));
        } catch (IOException e) {
            // A cache that cannot be written costs time, not work: the analysis is still returned.
            LOG.warning("cannot cache the analysis of " + video + " in " + folder + " (" + e.getMessage() + ")");
        }
        return new Entry(analysis, sha);
    }

    /** Whether {@code video}'s content is no longer the one hashed as {@code videoSha256}. */
    boolean changed(Path video, String videoSha256) throws BadInputException {
        return !fingerprints.of(video).equals(videoSha256);
    }

    private String key(String videoSha256) {
        var digest = VideoFingerprint.sha256();
        digest.update(videoSha256.getBytes(StandardCharsets.UTF_8));
        digest.update((RECIPE_VERSION + analyzer).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }
}
