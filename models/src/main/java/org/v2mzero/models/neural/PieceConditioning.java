package org.v2mzero.models.neural;

import java.util.List;
import java.util.function.Function;
import org.v2mzero.models.music.MonoAudio;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.render.StemRenderer;
import org.v2mzero.models.render.StemRendering;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.EventCurve;

/**
 * The conditioning of one training piece (MODEL.md, "Training data written by Java"): the piece's
 * tokens decoded, rendered to audio by the project's renderer, its <em>music</em> event curve computed
 * by the same recipe the video's goes through, and each token's {@link CurveFeatures} at its
 * {@link TokenClock} time; plus the description whose embedding is the piece's style vector.
 *
 * @param description  the text the style vector embeds
 * @param style        the style vector
 * @param curveRows    {@link CurveFeatures#SIZE} floats per token, tokens in order
 * @param seconds      the rendered length
 */
public record PieceConditioning(String description, float[] style, float[] curveRows, double seconds) {
    /** Rendered past the last note's end by this much, so its release is in the curve. */
    private static final double TAIL_SECONDS = 1.0;

    /**
     * @param embed text to style vector (the project's MiniLM encoder)
     * @throws BadInputException when the piece cannot be rendered or is too short to analyse
     */
    public static PieceConditioning of(String pieceId, int[] tokens, StemRenderer renderer,
            MusicCurveAnalyzer analyzer, Function<String, float[]> embed) throws BadInputException {
        TokenPiece piece = MidiTokenizer.decode(tokens);
        double seconds = PieceDescription.end(piece.parts()) + TAIL_SECONDS;
        MonoAudio audio = mono(StemRendering.renderAll(renderer, piece.parts(), seconds), renderer.sampleRate());
        EventCurve curve = analyzer.analyze(pieceId, audio).curve().curve();
        CurveFeatures features = CurveFeatures.of(curve);
        float[] rows = new float[tokens.length * CurveFeatures.SIZE];
        TokenClock clock = new TokenClock();
        for (int i = 0; i < tokens.length; i++) {
            clock.accept(tokens[i]);
            features.sample(clock, rows, i * CurveFeatures.SIZE);
        }
        String description = PieceDescription.of(pieceId, piece);
        return new PieceConditioning(description, embed.apply(description), rows, seconds);
    }

    /** The stems summed and their channels averaged: what the analyser hears of the mix. */
    static MonoAudio mono(List<float[][]> stems, int sampleRate) {
        int frames = stems.stream().mapToInt(s -> s[0].length).max().orElse(0);
        float[] out = new float[frames];
        for (float[][] stem : stems) {
            for (float[] channel : stem) {
                float w = 1f / stem.length;
                for (int i = 0; i < channel.length; i++) {
                    out[i] += channel[i] * w;
                }
            }
        }
        return new MonoAudio(out, sampleRate);
    }
}
