package org.v2mzero.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.v2mzero.host.training.CorpusConditioning;
import org.v2mzero.models.music.MusicCurveAnalyzer;
import org.v2mzero.models.render.JavaSoundStemRenderer;
import org.v2mzero.models.render.SoundfontLocator;
import org.v2mzero.models.text.MiniLmEncoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code v2m corpus-conditioning CORPUS_DIR}: the neural generator's training conditioning (training/MODEL.md). */
@Command(name = "corpus-conditioning", mixinStandardHelpOptions = true,
        description = "Render each piece of a training corpus (tokens.jsonl), compute its music event curve and"
                + " style vector, and write CORPUS_DIR/conditioning/ for training/train.py.")
final class CorpusConditioningCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "CORPUS_DIR", description = "as made by training/corpus/build_corpus.py")
    Path corpus;

    @Option(names = "--sources", split = ",", paramLabel = "NAME",
            description = "only pieces whose id starts with NAME/ (e.g. freedoom); default: all")
    List<String> sources = List.of();

    @Option(names = "--threads", paramLabel = "N", description = "pieces at once (default: one per core)")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--soundfont", paramLabel = "SF2",
            description = "General MIDI SF2 to render with (default: search /usr/share/sounds/sf2 and others)")
    Path soundfont;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        JavaSoundStemRenderer renderer = new JavaSoundStemRenderer(SoundfontLocator.locate(soundfont));
        try (MiniLmEncoder encoder = MiniLmEncoder.load()) {
            CorpusConditioning conditioning = new CorpusConditioning(renderer, MusicCurveAnalyzer.DEFAULT,
                    text -> {
                        synchronized (encoder) {
                            return encoder.embed(text);
                        }
                    }, MiniLmEncoder.DIMENSIONS);
            int pieces = conditioning.run(corpus, Set.copyOf(sources), Math.max(1, threads), out);
            out.println("wrote " + corpus.resolve("conditioning") + " (" + pieces + " pieces)");
        }
        return 0;
    }
}
