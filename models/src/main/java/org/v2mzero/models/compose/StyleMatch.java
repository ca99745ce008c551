package org.v2mzero.models.compose;

import java.util.List;

/**
 * Why a prompt was read as a style: the method, the chosen style with its score, and the next best.
 *
 * @param method     {@link StyleMatcher#MINILM} (cosine similarity of MiniLM embeddings) or
 *                   {@link StyleMatcher#KEYWORDS} (whole-word keyword count, the fallback)
 * @param style      the chosen style
 * @param similarity the chosen style's score: for minilm the cosine of prompt and description embeddings
 *                   plus {@link StyleMatcher#KEYWORD_BONUS} per prompt word among the style's keywords;
 *                   for keywords the number of such words
 * @param runnersUp  the next best styles, best first (at most {@link StyleMatcher#RUNNERS_UP})
 */
public record StyleMatch(String method, Style style, double similarity, List<Candidate> runnersUp) {
    public StyleMatch {
        runnersUp = List.copyOf(runnersUp);
    }

    /** @param style a style's name; @param similarity its score, as {@link StyleMatch#similarity} */
    public record Candidate(String style, double similarity) {}
}
