package org.v2mzero.models.neural;

import ai.onnxruntime.OrtException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.compose.Notes;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.compose.StyleMatcher;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.video.MediaFiles;
import org.v2mzero.protocol.EventCurve;
import org.v2mzero.protocol.TempoMap;

/**
 * The zero-pair neural generator (issue 7, training/MODEL.md): a transformer that learned to follow the
 * event curve of music is given the video's. The prompt's MiniLM embedding is the style; the tempo is the
 * one the symbolic composer fits to the picture's hits, forced in the header and held; the tokens are
 * sampled under the grammar ({@link CueGrammar}), each fed with the curve around its time (with a curve
 * search, model.json's {@code sampling.curveSearch}, each bar the best of several the model writes, ranked
 * against the curve by {@link CurveCritic}), and decoded on the forced tempo into one stem per instrument
 * the model chose.
 *
 * <p>Deterministic for a seed on one execution provider. Thread-safe: each call has its own cache.
 */
public final class OnnxGenerator implements Generator {
    public static final String NAME = "neural";
    /** Bumped when the same model and seed would give other tokens. */
    public static final String CODE_VERSION = "0.1.0";

    /**
     * How tokens are drawn.
     *
     * @param temperature   softmax temperature; 0 takes the most likely allowed token
     * @param topP          nucleus: sample among the most likely tokens holding this much probability
     * @param curveGuidance how much the curve's pull on each token is amplified (0: the model as trained;
     *                      costs a second pass per token), see {@link NeuralModelInfo.Sampling}
     * @param curveSearch   candidate bars sampled for each bar kept, ranked against the curve (1: none;
     *                      costs that many passes per token), see {@link SamplingLoop}
     * @param maxTokens     at most this many tokens per cue (the cue's length ends it first, normally)
     */
    public record Options(double temperature, double topP, double curveGuidance, int curveSearch, int maxTokens) {
        public Options {
            new TokenSampler(temperature, topP); // checks both, one line each
            if (!(curveGuidance >= 0)) {
                throw new IllegalArgumentException("curveGuidance : " + curveGuidance + " (expected: >= 0)");
            }
            if (curveSearch < 1) {
                throw new IllegalArgumentException("curveSearch : " + curveSearch + " (expected: >= 1)");
            }
            if (maxTokens < 4) {
                throw new IllegalArgumentException("maxTokens : " + maxTokens + " (expected: >= 4)");
            }
        }

        /** Without curve guidance or search. */
        public Options(double temperature, double topP, int maxTokens) {
            this(temperature, topP, 0, 1, maxTokens);
        }

        /** The sampling recorded with the model, no token limit. */
        public static Options of(NeuralModelInfo.Sampling s) {
            return of(s, Integer.MAX_VALUE);
        }

        /** The sampling recorded with the model, at most {@code maxTokens} a cue. */
        public static Options of(NeuralModelInfo.Sampling s, int maxTokens) {
            return new Options(s.temperature(), s.topP(), s.curveGuidance(), s.curveSearch(), maxTokens);
        }
    }

    private final NeuralModel model;
    private final StyleMatcher matcher;
    private final SymbolicComposer tempo;
    private final Options options;

    /** Styles embedded by the process-wide matcher's MiniLM, sampled as the model's model.json says. */
    public OnnxGenerator(NeuralModel model) {
        this(model, StyleMatcher.shared(), Options.of(model.info().sampling()));
    }

    /** @param matcher embeds the prompt (a zero style without MiniLM) and fits the tempo as the symbolic composer */
    public OnnxGenerator(NeuralModel model, StyleMatcher matcher, Options options) {
        if (model == null || matcher == null || options == null) {
            throw new IllegalArgumentException("model, matcher, options : " + model + ", " + matcher + ", " + options
                    + " (expected: all three)");
        }
        this.model = model;
        this.matcher = matcher;
        this.tempo = new SymbolicComposer(matcher);
        this.options = options;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The code's version and the model's digest: either changes the notes of a seed. */
    @Override
    public String version() {
        return CODE_VERSION + "+" + model.digest();
    }

    @Override
    public Optional<String> executionProvider() {
        return Optional.of(model.executionProvider());
    }

    /** A zero style without MiniLM; the CPU when CUDA was there to be had but failed (not a CPU-only build). */
    @Override
    public Optional<String> warning() {
        List<String> w = new ArrayList<>();
        matcher.warning().ifPresent(m -> w.add("neural style is a zero vector: " + m));
        model.fallbackReason().filter(r -> !r.equals(ExecutionProviders.NO_CUDA_BUILD))
                .ifPresent(r -> w.add("neural generator runs on the CPU: " + r));
        return w.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", w));
    }

    public NeuralModel model() {
        return model;
    }

    @Override
    public Arrangement generate(GenerationRequest request) {
        return generate(request, fraction -> { });
    }

    /**
     * As {@link #generate(GenerationRequest)}, telling {@code progress} the fraction written (by time).
     *
     * @throws java.util.concurrent.CancellationException when the thread is interrupted meanwhile
     */
    public Arrangement generate(GenerationRequest request, DoubleConsumer progress) {
        int bpm = bpm(request);
        int[] tokens = tokens(request, bpm, progress);
        TempoMap map = TempoMap.constant(bpm, 4);
        double duration = request.durationSeconds();
        List<StemPart> stems = new ArrayList<>();
        for (StemPart p : MidiTokenizer.decode(tokens, map).parts()) {
            List<org.v2mzero.models.compose.Note> notes = Notes.clip(p.notes(), duration);
            if (!notes.isEmpty()) {
                stems.add(new StemPart(p.name(), p.program(), p.percussion(), notes));
            }
        }
        String style = NAME + " (" + NeuralModelInfo.FORMAT + ", " + model.executionProvider() + ")";
        return new Arrangement(style, map, duration, stems, null, null);
    }

    /** The cue's tokens (grammatical, ending in EOS), for tests and benchmarks. */
    public int[] tokens(GenerationRequest request, DoubleConsumer progress) {
        return tokens(request, bpm(request), progress);
    }

    /**
     * The symbolic composer's steady tempo in whole bpm: tokens hold whole bpm, and the decoded notes and
     * the clock that places the curve under them must share one tempo.
     */
    private int bpm(GenerationRequest request) {
        return Vocabulary.bpm(Vocabulary.tempo(tempo.steadyBpm(request)));
    }

    private int[] tokens(GenerationRequest request, int bpm, DoubleConsumer progress) {
        float[] style = matcher.embed(request.prompt()).orElseGet(() -> new float[NeuralModelInfo.STYLE_DIMENSIONS]);
        TokenSampler sampler = new TokenSampler(options.temperature(), options.topP());
        boolean guided = options.curveGuidance() > 0;
        EventCurve curve = request.analysis().curve();
        CurveFeatures features = CurveFeatures.of(curve);
        try (CachedDecoder decoder = new CachedDecoder(model, style);
                CachedDecoder flat = guided ? new CachedDecoder(model, style) : null) {
            return new SamplingLoop(decoder, flat, options.curveGuidance(), features, new CurveCritic(curve, features),
                    options.curveSearch(), sampler, request.seed())
                    .run(bpm, request.durationSeconds(), options.maxTokens(), progress);
        } catch (OrtException e) {
            throw new IllegalStateException(model.info().source() + ": generation failed in ONNX Runtime ("
                    + MediaFiles.firstLine(e) + ")", e);
        }
    }
}
