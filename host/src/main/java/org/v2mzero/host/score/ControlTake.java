package org.v2mzero.host.score;

import java.io.IOException;
import java.nio.file.Path;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.render.Mixdown;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.models.render.WavWriter;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TakeManifest;

/**
 * The control of ../shared/metrics.md: the mix a take would have had if its video's event curve ran
 * backwards ({@link CurveAnalysis#reversed()}), with the take's own prompt, seed, generator and
 * soundfont, rendered and normalised exactly as {@link ScoreJob} does. Its sync metrics, measured
 * against the true hits, say how much of a take's sync the curve earned and how much was luck.
 *
 * <p>One call per thread; holds no state.
 */
public final class ControlTake {
    private ControlTake() {}

    /**
     * Composes and renders the control of a take and writes its mix as a WAV file.
     *
     * @param manifest  the take's manifest (prompt, seed, soundfont)
     * @param analysis  the take's own curve ({@code curve.json}), forwards
     * @param generator the generator the take was made with
     * @param mixFile   where the control's mix goes (48 kHz, 24-bit stereo)
     * @throws org.v2mzero.protocol.BadInputException when the take's soundfont cannot be loaded
     */
    public static void writeMix(TakeManifest manifest, CurveAnalysis analysis, Generator generator, Path mixFile)
            throws IOException {
        String sf2 = manifest.soundfont() == null ? null : manifest.soundfont().path();
        Soundfont soundfont = SoundfontLocator.locate(sf2 == null ? null : Path.of(sf2));
        CurveAnalysis reversed = analysis.reversed();
        Arrangement arrangement = generator.generate(
                new GenerationRequest(reversed, manifest.prompt(), manifest.seed(), reversed.duration()));
        Mixdown mix = ScoreJob.render(arrangement, soundfont);
        WavWriter.write(mixFile, mix.mix(), ScoreJob.SAMPLE_RATE, 0, "v2m control: reversed curve");
    }
}
