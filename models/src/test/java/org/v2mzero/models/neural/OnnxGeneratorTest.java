package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.compose.StyleMatcher;
import org.v2mzero.models.neural.Vocabulary.Kind;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.Hit;

/**
 * The generator on the tiny random model (context 64): whatever an untrained model prefers, constrained
 * sampling writes grammatical cues of one tempo and metre; a seed gives the same cue, another seed
 * another; cues longer than the context slide the window; an interrupt cancels.
 */
class OnnxGeneratorTest {
    /** Keywords, not MiniLM: the style is then a zero vector and the test loads in milliseconds. */
    private static final StyleMatcher KEYWORDS = StyleMatcher.keywords("test: no MiniLM");
    private static NeuralModel model;

    @BeforeAll
    static void load() throws Exception {
        model = TinyModel.load(NeuralModel.Device.CPU);
    }

    @AfterAll
    static void close() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void constrainedSamplingNeverWritesAnUngrammaticalToken() {
        OnnxGenerator g = generator(1.3, 1.0, 600);
        long notes = 0;
        for (long seed = 0; seed < 24; seed++) {
            int[] tokens = g.tokens(request(seed, 6), f -> { });
            TokenGrammar.check(tokens);
            assertHeaderOnly(tokens);
            notes += Arrays.stream(tokens).filter(Kind.VEL::contains).count();
        }
        assertTrue(notes > 100, "notes written: " + notes);
    }

    @Test
    void aSeedGivesTheSameCueAndAnotherSeedAnother() {
        OnnxGenerator g = generator(1.0, 0.95, 400);
        int[] a = g.tokens(request(5, 6), f -> { });
        assertArrayEquals(a, g.tokens(request(5, 6), f -> { }));
        assertFalse(Arrays.equals(a, g.tokens(request(6, 6), f -> { })));
    }

    @Test
    void curveGuidanceChangesTheCueStaysGrammaticalAndRepeatsForASeed() {
        OnnxGenerator guided = new OnnxGenerator(model, KEYWORDS, new OnnxGenerator.Options(1.0, 0.95, 2.0, 1, 400));
        int[] a = guided.tokens(request(5, 6), f -> { });
        TokenGrammar.check(a);
        assertHeaderOnly(a);
        assertArrayEquals(a, guided.tokens(request(5, 6), f -> { }));
        assertFalse(Arrays.equals(a, generator(1.0, 0.95, 400).tokens(request(5, 6), f -> { })),
                "the flat-curve pass moves the logits");
        // Past the context too: both decoders slide their windows together.
        TokenGrammar.check(new OnnxGenerator(model, KEYWORDS, new OnnxGenerator.Options(1.0, 0.95, 2.0, 1, Integer.MAX_VALUE))
                .tokens(request(3, 4), f -> { }));
    }

    @Test
    void theCurveSearchKeepsTheBarsTheCriticPrefersAndRepeatsForASeed() {
        OnnxGenerator searched = new OnnxGenerator(model, KEYWORDS, new OnnxGenerator.Options(1.0, 0.95, 0, 4, 400));
        OnnxGenerator straight = generator(1.0, 0.95, 400);
        double withSearch = 0;
        double without = 0;
        for (long seed = 0; seed < 6; seed++) {
            GenerationRequest r = request(seed, 6);
            int[] a = searched.tokens(r, f -> { });
            TokenGrammar.check(a);
            assertHeaderOnly(a);
            withSearch += criticScore(r, a);
            without += criticScore(r, straight.tokens(r, f -> { }));
        }
        // Each kept bar is the best of 4 the model wrote: 160 against 0.3 for straight cues when written.
        assertTrue(withSearch > without + 50, "critic's score, searched " + withSearch + ", straight " + without);
        assertArrayEquals(searched.tokens(request(5, 6), f -> { }), searched.tokens(request(5, 6), f -> { }));
    }

    @Test
    void theCurveSearchSlidesTheWindowAndGoesWithGuidance() {
        // Context 64: a candidate bar holds at most 16 tokens, and the window slides between bars.
        OnnxGenerator g = new OnnxGenerator(model, KEYWORDS, new OnnxGenerator.Options(1.0, 0.95, 2.0, 3, Integer.MAX_VALUE));
        List<Double> progress = new ArrayList<>();
        int[] tokens = g.tokens(request(3, 12), progress::add);
        assertTrue(tokens.length > 3 * 64, "tokens: " + tokens.length);
        TokenGrammar.check(tokens);
        assertArrayEquals(tokens, g.tokens(request(3, 12), f -> { }));
        assertEquals(1.0, progress.get(progress.size() - 1));
    }

    /** The critic's sum over a cue's notes, as the search adds it up bar by bar. */
    private static double criticScore(GenerationRequest r, int[] tokens) {
        CurveCritic critic = new CurveCritic(r.analysis().curve(), CurveFeatures.of(r.analysis().curve()));
        CurveCritic.Tally tally = new CurveCritic.Tally();
        TokenClock clock = new TokenClock();
        for (int id : tokens) {
            double t = clock.accept(id);
            if (Kind.VEL.contains(id)) {
                critic.add(tally, t, Vocabulary.velocity(Vocabulary.value(id)));
            }
        }
        return tally.score();
    }

    @Test
    void guidanceAmplifiesWhatTheCurveChanges() {
        float[] c = {1, 2, -3};
        assertArrayEquals(new float[] {1, 4, -5}, SamplingLoop.guide(c, new float[] {1, 1, -2}, 2), 1e-6f);
        assertArrayEquals(new float[] {1, 4, -5}, c, "in place");
    }

    @Test
    void aCueLongerThanTheContextSlidesTheWindowAndEndsAtTheCueEnd() {
        assertEquals(64, model.info().context());
        List<Double> progress = new ArrayList<>();
        Arrangement a = generator(1.0, 0.95, Integer.MAX_VALUE).generate(request(3, 12), progress::add);
        double end = 0;
        long notes = 0;
        for (StemPart s : a.stems()) {
            for (Note n : s.notes()) {
                assertTrue(n.startSeconds() < 12, n.toString());
                end = Math.max(end, n.startSeconds() + n.durationSeconds());
                notes++;
            }
        }
        assertTrue(end <= 12 + 1e-9, "notes end by the cue's end: " + end);
        assertTrue(3 * notes > 2 * 64, "a note is 3 tokens at least; notes: " + notes);
        assertEquals(1.0, progress.get(progress.size() - 1));
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "progress rises: " + progress);
        }
        assertTrue(a.style().startsWith("neural (v2m-neural-3, CPU)"), a.style());
        assertEquals(1, a.tempoMap().changes().size(), "one tempo");
    }

    @Test
    void theLongSlidingCueIsGrammatical() {
        int[] tokens = generator(1.0, 0.95, Integer.MAX_VALUE).tokens(request(11, 20), f -> { });
        assertTrue(tokens.length > 3 * 64, "tokens: " + tokens.length);
        TokenGrammar.check(tokens);
    }

    @Test
    void anInterruptCancelsAndStaysSetWithOrWithoutTheSearch() {
        for (OnnxGenerator g : List.of(generator(1.0, 0.95, Integer.MAX_VALUE),
                new OnnxGenerator(model, KEYWORDS, new OnnxGenerator.Options(1.0, 0.95, 0, 4, Integer.MAX_VALUE)))) {
            try {
                assertThrows(CancellationException.class, () -> g.generate(request(1, 30), f -> {
                    if (f > 0.1) {
                        Thread.currentThread().interrupt();
                    }
                }));
                assertTrue(Thread.currentThread().isInterrupted());
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void cudaAskedForButAbsentFallsBackToTheCpuAndSaysWhy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(ExecutionProviders.cudaInThisBuild(),
                "this ONNX Runtime has CUDA: the fallback is tested on the CPU build");
        try (NeuralModel cuda = TinyModel.load(NeuralModel.Device.CUDA)) {
            assertEquals("CPU", cuda.executionProvider());
            assertTrue(cuda.fallbackReason().orElseThrow().startsWith("CUDA unavailable: "),
                    cuda.fallbackReason().toString());
            OnnxGenerator g = new OnnxGenerator(cuda, KEYWORDS, new OnnxGenerator.Options(1, 0.95, 200));
            TokenGrammar.check(g.tokens(request(2, 4), f -> { }));
            assertEquals("CPU", g.executionProvider().orElseThrow());
        }
    }

    @Test
    void versionNamesTheCodeAndTheModel() {
        OnnxGenerator g = generator(1, 1, 10);
        assertEquals("neural", g.name());
        assertTrue(g.version().matches("\\Q" + OnnxGenerator.CODE_VERSION + "\\E\\+[0-9a-f]{12}"), g.version());
    }

    /** BOS, 4/4 and one tempo; no TEMPO or TIMESIG after them. */
    private static void assertHeaderOnly(int[] tokens) {
        assertEquals(Kind.BOS.id(0), tokens[0]);
        assertEquals(Kind.TIMESIG.id(Vocabulary.metre(4, 4)), tokens[1]);
        assertTrue(Kind.TEMPO.contains(tokens[2]));
        for (int i = 3; i < tokens.length; i++) {
            assertFalse(Kind.TEMPO.contains(tokens[i]) || Kind.TIMESIG.contains(tokens[i]),
                    "token " + i + ": " + Vocabulary.name(tokens[i]));
        }
    }

    private static OnnxGenerator generator(double temperature, double topP, int maxTokens) {
        return new OnnxGenerator(model, KEYWORDS, new OnnxGenerator.Options(temperature, topP, maxTokens));
    }

    /** A cue with a pulse of hits every 0.5 s (a tempo of 120 fits it) and a curve that swells. */
    static GenerationRequest request(long seed, double seconds) {
        int n = (int) (seconds * 10) + 1;
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i / 10.0;
            v[i] = Math.sin(t[i] * 2);
        }
        List<Hit> hits = new ArrayList<>();
        for (double h = 0.5; h < seconds; h += 0.5) {
            hits.add(new Hit(h, 1));
        }
        CurveAnalysis a = new CurveAnalysis("test.mp4", seconds, n, new EventCurve(t, v), hits, List.of(), List.of());
        return new GenerationRequest(a, "driving rock", seed, seconds);
    }
}
