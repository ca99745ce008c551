package org.v2mzero.host.cli;

import java.nio.file.Path;
import org.v2mzero.host.score.Generators;
import picocli.CommandLine.Option;

/** Options every command that makes a take shares. */
final class TakeOptions {
    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT",
            description = "style of the music, in words (default: ${DEFAULT-VALUE})")
    String prompt = "cinematic orchestral underscore";

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "take library: each take becomes a folder in it (default: ${DEFAULT-VALUE})")
    Path out = Path.of("takes");

    @Option(names = {"-s", "--seed"}, paramLabel = "N",
            description = "same video, prompt and seed give the same take (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--soundfont", paramLabel = "SF2",
            description = "General MIDI SF2 to render with (default: search /usr/share/sounds/sf2 and others)")
    Path soundfont;

    @Option(names = "--generator", paramLabel = "NAME",
            description = "symbolic (the composer) or neural (the model trained on music's own event curves)"
                    + " (default: ${DEFAULT-VALUE})")
    String generator = Generators.DEFAULT;

    @Option(names = "--model", paramLabel = "DIR",
            description = "with --generator neural: a model folder (model.json, step.onnx) instead of the shipped one")
    Path model;
}
