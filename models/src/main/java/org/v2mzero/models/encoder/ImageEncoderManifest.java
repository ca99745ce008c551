package org.v2mzero.models.encoder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;

/**
 * How to run an ONNX image encoder on video frames: a small JSON file beside the model, written by
 * whoever exports one (the paper uses a DINOv2-class encoder; none ships here). For example:
 *
 * <pre>{@code
 * {
 *   "model": "dinov2-small.onnx",
 *   "input": "pixel_values", "width": 224, "height": 224, "channels": 3, "layout": "NCHW",
 *   "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
 *   "output": "last_hidden_state", "pooling": "cls"
 * }
 * }</pre>
 *
 * <p>Pixels are scaled to 0..1 and normalised per channel as {@code (v - mean) / std} (torchvision's
 * {@code ToTensor} then {@code Normalize}); each frame is stretched to {@code width x height}.
 * {@code pooling} turns the output into one vector per frame: {@code none} takes a {@code [batch, dim]}
 * output as is; {@code mean} averages a {@code [batch, tokens, dim]} output over its tokens or a
 * {@code [batch, dim, h, w]} one over its positions; {@code cls} takes token 0 of a
 * {@code [batch, tokens, dim]} output. Every field but {@code layout} (only {@code NCHW}) is required;
 * an unknown field is an error.
 *
 * @param file     the manifest itself: every error message names it
 * @param model    the ONNX file, resolved against the manifest's folder
 * @param input    name of the model's image input, {@code [batch, channels, height, width]}
 * @param width    input width in pixels
 * @param height   input height in pixels
 * @param channels 1 (grey) or 3 (RGB, in that order)
 * @param layout   {@code NCHW}
 * @param mean     per-channel mean of the 0..1 pixels, one per channel
 * @param std      per-channel standard deviation, one per channel, each > 0
 * @param output   name of the model output that holds the features
 * @param pooling  how that output becomes one vector per frame
 */
public record ImageEncoderManifest(Path file, Path model, String input, int width, int height, int channels,
        String layout, List<Double> mean, List<Double> std, String output, Pooling pooling) {
    /** The one input layout supported: batch, channels, rows, columns. */
    public static final String NCHW = "NCHW";

    /** The fields as written; boxed so a missing one reads as null. */
    record Fields(String model, String input, Integer width, Integer height, Integer channels, String layout,
            List<Double> mean, List<Double> std, String output, String pooling) {}

    public ImageEncoderManifest {
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }

    /**
     * Reads and checks a manifest; the model file must exist (whether it fits is checked when it is
     * loaded, {@link OnnxImageEncoder#load}).
     *
     * @throws BadInputException one line naming the file and the field: missing or unreadable file,
     *                           malformed JSON, unknown, missing or out-of-range field, missing model
     */
    public static ImageEncoderManifest read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file (expected: an image encoder manifest, JSON)");
        }
        Fields f = Json.readStrict(file, Fields.class);
        if (f == null) {
            throw new BadInputException(file + ": empty (expected: an image encoder manifest, JSON)");
        }
        String model = required(file, "model", f.model());
        String input = required(file, "input", f.input());
        int width = positive(file, "width", required(file, "width", f.width()));
        int height = positive(file, "height", required(file, "height", f.height()));
        int channels = required(file, "channels", f.channels());
        if (channels != 1 && channels != 3) {
            throw error(file, "channels", channels, "1 (grey) or 3 (RGB)");
        }
        String layout = f.layout() == null ? NCHW : f.layout();
        if (!layout.equals(NCHW)) {
            throw error(file, "layout", quoted(layout), "\"" + NCHW + "\"");
        }
        List<Double> mean = perChannel(file, "mean", required(file, "mean", f.mean()), channels);
        List<Double> std = perChannel(file, "std", required(file, "std", f.std()), channels);
        for (double s : std) {
            if (!(s > 0)) {
                throw error(file, "std", std, "each > 0");
            }
        }
        String output = required(file, "output", f.output());
        Pooling pooling = pooling(file, required(file, "pooling", f.pooling()));
        Path folder = file.toAbsolutePath().getParent();
        Path modelFile = folder.resolve(model).normalize();
        if (!Files.isRegularFile(modelFile)) {
            throw error(file, "model", quoted(model), "an ONNX file, relative to the manifest; " + modelFile
                    + " does not exist");
        }
        return new ImageEncoderManifest(file, modelFile, input, width, height, channels, layout, mean, std, output,
                pooling);
    }

    /** A one-line error about a field of this manifest. */
    BadInputException error(String field, Object value, String expected) {
        return error(file, field, value, expected);
    }

    static BadInputException error(Path file, String field, Object value, String expected) {
        return new BadInputException(file + ": " + field + " : " + value + " (expected: " + expected + ")");
    }

    static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private static <T> T required(Path file, String field, T value) throws BadInputException {
        if (value == null) {
            throw new BadInputException(file + ": " + field + " : missing (expected: a value; see ImageEncoderManifest)");
        }
        return value;
    }

    private static int positive(Path file, String field, int value) throws BadInputException {
        if (value < 1) {
            throw error(file, field, value, "> 0 pixels");
        }
        return value;
    }

    private static List<Double> perChannel(Path file, String field, List<Double> values, int channels)
            throws BadInputException {
        if (values.size() != channels || values.stream().anyMatch(v -> v == null || !Double.isFinite(v))) {
            throw error(file, field, values, channels + " finite number(s), one per channel");
        }
        return values;
    }

    private static Pooling pooling(Path file, String name) throws BadInputException {
        for (Pooling p : Pooling.values()) {
            if (p.jsonName().equals(name)) {
                return p;
            }
        }
        throw error(file, "pooling", quoted(name), "\"none\", \"mean\" or \"cls\"");
    }
}
