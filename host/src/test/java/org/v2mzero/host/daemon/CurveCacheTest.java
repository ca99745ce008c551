package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.models.curve.VideoCurveAnalyzer;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.CurveAnalysis;

/** The daemon's analysis cache on real videos the test draws (SyntheticClip) and really decodes. */
class CurveCacheTest {
    @TempDir
    Path dir;

    @Test
    void aSecondLookupReadsTheCacheAndGivesTheSameAnalysis() throws Exception {
        Path video = dir.resolve("clip.mp4");
        SyntheticClip.write(video, 3.0, List.of(1.0, 2.0));
        CurveCache cache = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT);
        AtomicInteger decodes = new AtomicInteger();

        CurveCache.Entry first = cache.analysis(video, p -> decodes.incrementAndGet());
        int afterFirst = decodes.get();
        CurveCache.Entry second = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT)
                .analysis(video, p -> decodes.incrementAndGet());

        assertTrue(afterFirst > 0, "the first lookup decodes");
        assertEquals(afterFirst, decodes.get(), "the second (a restarted daemon) decodes nothing");
        assertEquals(first.analysis().cuts(), second.analysis().cuts());
        assertEquals(2, second.analysis().cuts().size(), "the clip's two drawn cuts");
        assertEquals(first.videoSha256(), second.videoSha256());
    }

    @Test
    void aCutShortVideoStaysPartialThroughTheCacheAndItsRepairIsAnalysedAgain() throws Exception {
        Path whole = dir.resolve("whole.mkv");
        SyntheticClip.write(whole, 4.0, List.of(1.0), SyntheticClip.Container.MKV);
        byte[] bytes = Files.readAllBytes(whole);
        Path video = Files.write(dir.resolve("clip.mkv"), Arrays.copyOf(bytes, bytes.length / 2));
        CurveCache.Entry computed = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT)
                .analysis(video, p -> {});

        CurveAnalysis cached = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT)
                .analysis(video, p -> fail("the second lookup reads the cache")).analysis();

        assertTrue(computed.analysis().partial());
        assertEquals(computed.analysis(), cached, "partial and decodedUntil come back from the entry");
        Files.write(video, bytes);
        assertFalse(new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT).analysis(video, p -> {})
                .analysis().partial(), "the repaired file is another key, analysed afresh");
    }

    @Test
    void aChangedVideoIsNoticedAndAnalysedAgain() throws Exception {
        Path video = dir.resolve("clip.mp4");
        SyntheticClip.write(video, 3.0, List.of(1.0));
        CurveCache cache = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT);
        CurveCache.Entry before = cache.analysis(video, p -> {});

        SyntheticClip.write(video, 3.0, List.of(0.8, 1.6, 2.4));
        Files.setLastModifiedTime(video, FileTime.fromMillis(System.currentTimeMillis() + 5_000));

        assertTrue(cache.changed(video, before.videoSha256()));
        CurveAnalysis after = cache.analysis(video, p -> {}).analysis();
        assertEquals(1, before.analysis().cuts().size());
        assertEquals(3, after.cuts().size(), "the new video's cuts, not the cached ones");
    }

    @Test
    void anUnchangedVideoIsNotChangedAndOtherParametersMissTheCache() throws Exception {
        Path video = dir.resolve("clip.mp4");
        SyntheticClip.write(video, 2.0, List.of(1.0));
        CurveCache cache = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT);
        CurveCache.Entry entry = cache.analysis(video, p -> {});
        VideoCurveAnalyzer other = new VideoCurveAnalyzer(VideoCurveAnalyzer.DEFAULT.thumbWidth(),
                VideoCurveAnalyzer.DEFAULT.smoothSeconds() * 2, VideoCurveAnalyzer.DEFAULT.hitPicker(),
                VideoCurveAnalyzer.DEFAULT.cutDetector(), VideoCurveAnalyzer.DEFAULT.sectionFinder());

        new CurveCache(dir.resolve("cache"), other).analysis(video, p -> {});

        assertFalse(cache.changed(video, entry.videoSha256()));
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            assertEquals(2, files.count(), "one entry per parameter set");
        }
    }

    @Test
    void aCorruptEntryIsAnalysedAgainAndReplaced() throws Exception {
        Path video = dir.resolve("clip.mp4");
        SyntheticClip.write(video, 2.0, List.of(1.0));
        CurveCache cache = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT);
        CurveCache.Entry good = cache.analysis(video, p -> {});
        Path entry;
        try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
            entry = files.findFirst().orElseThrow();
        }
        Files.writeString(entry, "{ half a");

        CurveCache.Entry again = new CurveCache(dir.resolve("cache"), VideoCurveAnalyzer.DEFAULT).analysis(video, p -> {});

        assertEquals(good.analysis().cuts(), again.analysis().cuts());
        assertNotEquals("{ half a", Files.readString(entry));
    }
}
