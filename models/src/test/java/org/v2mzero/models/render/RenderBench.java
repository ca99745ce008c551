package org.v2mzero.models.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.GenerationRequest;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.compose.SymbolicComposerFixtures;

/**
 * Not a test: prints how fast a 24 s five-stem arrangement renders with a soundfont (default: the
 * located one), as audio seconds per wall second, against Java's built-in bank measured in the same run.
 * Run: {@code java -cp <test classpath> org.v2mzero.models.render.RenderBench [FILE.sf2]}.
 */
public final class RenderBench {
    private RenderBench() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Soundfont sf = SoundfontLocator.locate(args.length > 0 ? Path.of(args[0]) : null);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        Soundfont builtIn = SoundfontLocator.builtIn(java.util.Optional.empty());
        double builtInLoad = (System.nanoTime() - t0) / 1e9;
        Arrangement a = new SymbolicComposer().generate(
                new GenerationRequest(SymbolicComposerFixtures.analysis(), "epic orchestral", 1, 24));
        System.out.printf("soundfont %s (%s): load %.2f s; built-in load %.2f s%n", sf.name(), sf.path(), loadSeconds, builtInLoad);
        for (int round = 0; round < 2; round++) {
            double ref = speed(new JavaSoundStemRenderer(builtIn), a);
            double speed = speed(new JavaSoundStemRenderer(sf), a);
            System.out.printf("round %d: %s %.1f audio s/wall s, built-in %.1f (ratio %.2f)%n",
                    round, sf.name(), speed, ref, speed / ref);
        }
    }

    private static double speed(StemRenderer renderer, Arrangement a) throws Exception {
        long t0 = System.nanoTime();
        List<float[][]> stems = new ArrayList<>();
        for (StemPart part : a.stems()) {
            stems.add(renderer.render(part, a.durationSeconds()));
        }
        Mixdown.of(stems, -1);
        return a.durationSeconds() / ((System.nanoTime() - t0) / 1e9);
    }
}
