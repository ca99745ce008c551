package org.v2mzero.models.neural;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;
import java.util.Set;
import org.v2mzero.protocol.BadInputException;

/** The input and output names of training/MODEL.md's graphs, checked when a graph is opened. */
final class GraphNames {
    static final List<String> STEP_INPUTS = List.of("tokens", "curve", "style", "past_key", "past_value");
    static final List<String> FULL_INPUTS = List.of("tokens", "curve", "style");
    static final List<String> OUTPUTS = List.of("logits", "present_key", "present_value");

    private GraphNames() {}

    /** @throws BadInputException naming the source, the graph's field and the names it lacks */
    static void check(String source, String field, OrtSession session, List<String> inputs)
            throws BadInputException, OrtException {
        missing(source, field, "inputs", session.getInputNames(), inputs);
        missing(source, field, "outputs", session.getOutputNames(), OUTPUTS);
    }

    private static void missing(String source, String field, String what, Set<String> has, List<String> needs)
            throws BadInputException {
        List<String> lacks = needs.stream().filter(n -> !has.contains(n)).toList();
        if (!lacks.isEmpty()) {
            throw new BadInputException(source + ": " + field + " : " + what + " " + has + " lack " + lacks
                    + " (expected: the names of training/MODEL.md)");
        }
    }
}
