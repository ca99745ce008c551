package org.v2mzero.host.score;

import java.io.IOException;
import java.nio.file.Path;
import org.v2mzero.models.compose.Generator;
import org.v2mzero.models.compose.SymbolicComposer;
import org.v2mzero.models.neural.NeuralModel;
import org.v2mzero.models.neural.OnnxGenerator;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.TakeManifest;

/**
 * The generators a take can be made with, by the name a manifest records: {@code symbolic} (the default
 * until the neural one wins on the metrics) and {@code neural} (the shipped model, or one in a folder).
 */
public final class Generators {
    public static final String DEFAULT = SymbolicComposer.NAME;

    private Generators() {}

    /**
     * @param model a neural model's folder, or {@code null} for the shipped one
     * @throws BadInputException an unknown name, or a neural model that is missing or does not load
     */
    public static Generator of(String name, Path model) throws IOException {
        if (SymbolicComposer.NAME.equals(name)) {
            return new SymbolicComposer();
        }
        if (OnnxGenerator.NAME.equals(name)) {
            NeuralModel m = model == null ? NeuralModel.loadDefault(NeuralModel.Device.AUTO)
                    : NeuralModel.load(model, NeuralModel.Device.AUTO);
            // Lives as long as the process (the CLI) or the daemon that uses it.
            return new OnnxGenerator(m);
        }
        throw new BadInputException("--generator : " + name + " (expected: " + SymbolicComposer.NAME + " or "
                + OnnxGenerator.NAME + ")");
    }

    /**
     * The generator that made a take, to compose it again (the control of {@code evaluate}): the same name,
     * and for the neural one the same model (its digest is in the version), else the control would
     * measure another model.
     *
     * @throws BadInputException naming the take's generator when this installation cannot make it again
     */
    public static Generator of(TakeManifest.GeneratorInfo made, Path model, Path take) throws IOException {
        Generator g = of(made.name(), model);
        if (g instanceof OnnxGenerator && !g.version().equals(made.version())) {
            throw new BadInputException(take + ": generator neural " + made.version() + " (this model is "
                    + g.version() + "; give the take's model with --model DIR)");
        }
        return g;
    }
}
