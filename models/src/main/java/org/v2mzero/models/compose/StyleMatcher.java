package org.v2mzero.models.compose;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.models.text.MiniLmEncoder;

/**
 * Reads a prompt as one of the library's styles (DESIGN.md §4): the prompt's MiniLM embedding is
 * compared by cosine with each style's description embedding (computed once, at construction), the
 * most similar wins. Without the encoder the whole-word keyword table of {@link Styles#forPrompt} decides.
 * Explicit musical words (key, tempo, instrumentation) are not this class's business: {@link PromptReader}
 * applies them on top of the style.
 *
 * <p>Thread-safe and immutable once built.
 */
public final class StyleMatcher {
    public static final String MINILM = "minilm";
    public static final String KEYWORDS = "keywords";
    /** Runners-up reported with each match. */
    public static final int RUNNERS_UP = 3;
    /**
     * Added to a style's cosine per prompt word among its keywords: about the gap between a clear match
     * and the runner-up, so naming a style settles a near tie without overriding a clear meaning.
     */
    public static final double KEYWORD_BONUS = 0.05;
    private static final Logger LOG = Logger.getLogger(StyleMatcher.class.getName());

    private final List<Style> styles;
    private final MiniLmEncoder encoder;
    private final List<float[]> descriptions;
    private final String warning;

    private StyleMatcher(List<Style> styles, MiniLmEncoder encoder, String warning) {
        this.styles = List.copyOf(styles);
        this.encoder = encoder;
        this.descriptions = encoder == null ? List.of() : styles.stream().map(s -> encoder.embed(s.description())).toList();
        this.warning = warning;
    }

    /** Matches by embedding with a loaded encoder (which the caller keeps open while this is used). */
    public static StyleMatcher embedding(MiniLmEncoder encoder, List<Style> styles) {
        if (encoder == null) {
            throw new IllegalArgumentException("encoder : null (expected: a loaded MiniLmEncoder)");
        }
        return new StyleMatcher(styles, encoder, null);
    }

    /** Matches by keywords only, saying why in {@link #warning()}. */
    public static StyleMatcher keywords(String warning) {
        return new StyleMatcher(Styles.ALL, null, warning);
    }

    /**
     * The process-wide matcher over {@link Styles#ALL}: loads the encoder on first use (about a second)
     * and keeps it for the life of the JVM; falls back to keywords, with a logged warning, if it cannot load.
     */
    public static StyleMatcher shared() {
        return Shared.INSTANCE;
    }

    /** Why this matcher is degraded (keywords instead of embeddings), if it is. */
    public Optional<String> warning() {
        return Optional.ofNullable(warning);
    }

    /**
     * The MiniLM embedding of a text by this matcher's encoder (the neural generator's style vector), or
     * empty when it matches by keywords (see {@link #warning()}). Any thread.
     */
    public Optional<float[]> embed(String text) {
        return encoder == null ? Optional.empty() : Optional.of(encoder.embed(text == null ? "" : text));
    }

    /** Best style for a prompt and the runners-up. A blank prompt gives {@link Styles#ORCHESTRAL}. Any thread. */
    public StyleMatch match(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return new StyleMatch(encoder == null ? KEYWORDS : MINILM, Styles.ORCHESTRAL, 0, List.of());
        }
        return encoder == null ? byKeywords(prompt) : byEmbedding(prompt);
    }

    /**
     * Cosine of the prompt (its explicit key, tempo and instrumentation words removed: they say nothing
     * about style) with each description, plus {@link #KEYWORD_BONUS} per prompt word that is one of
     * the style's keywords, so a style the prompt names outright wins a near tie.
     */
    private StyleMatch byEmbedding(String prompt) {
        float[] query = encoder.embed(PromptReader.styleText(prompt));
        List<String> words = Styles.words(prompt);
        List<StyleMatch.Candidate> ranked = new ArrayList<>();
        for (int i = 0; i < styles.size(); i++) {
            Style style = styles.get(i);
            long hits = words.stream().filter(style.keywords()::contains).count();
            double score = MiniLmEncoder.cosine(query, descriptions.get(i)) + KEYWORD_BONUS * hits;
            ranked.add(new StyleMatch.Candidate(style.name(), score));
        }
        return best(MINILM, ranked);
    }

    /** The keywords of the prompt's style text ({@link PromptReader#styleText}), as the embedding reads it. */
    private StyleMatch byKeywords(String prompt) {
        List<String> words = Styles.words(PromptReader.styleText(prompt));
        List<StyleMatch.Candidate> ranked = new ArrayList<>();
        for (Style style : styles) {
            ranked.add(new StyleMatch.Candidate(style.name(), words.stream().filter(style.keywords()::contains).count()));
        }
        if (ranked.stream().allMatch(c -> c.similarity() == 0)) {
            return new StyleMatch(KEYWORDS, Styles.ORCHESTRAL, 0, List.of());
        }
        return best(KEYWORDS, ranked);
    }

    /** Sorted best first; the stable sort keeps library order on ties. */
    private StyleMatch best(String method, List<StyleMatch.Candidate> ranked) {
        ranked.sort(Comparator.comparingDouble(StyleMatch.Candidate::similarity).reversed());
        StyleMatch.Candidate top = ranked.get(0);
        Style chosen = styles.stream().filter(s -> s.name().equals(top.style())).findFirst().orElseThrow();
        return new StyleMatch(method, chosen, top.similarity(), ranked.subList(1, Math.min(ranked.size(), 1 + RUNNERS_UP)));
    }

    /** Holder idiom: the encoder loads on first use of {@link #shared()}, once, thread-safely. */
    private static final class Shared {
        static final StyleMatcher INSTANCE = load();

        private static StyleMatcher load() {
            try {
                // Never closed: the session lives as long as the JVM that shares it.
                return embedding(MiniLmEncoder.load(), Styles.ALL);
            } catch (IOException | RuntimeException | LinkageError e) {
                String warning = "prompt matched by keywords: the MiniLM text encoder did not load (" + e.getMessage() + ")";
                LOG.log(Level.WARNING, warning, e);
                return keywords(warning);
            }
        }
    }
}
