package org.v2mzero.models.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.v2mzero.protocol.BadInputException;

/** Reading manifests: what a good one gives, and the one line each kind of mistake gets. */
class ImageEncoderManifestTest {
    private static final String GOOD = """
            {
              "model": "models/enc.onnx",
              "input": "pixel_values", "width": 224, "height": 160, "channels": 3, "layout": "NCHW",
              "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
              "output": "last_hidden_state", "pooling": "cls"
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aGoodManifestResolvesItsModelBesideItself() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/enc.onnx"), "(contents are checked on load)");
        Path file = Files.writeString(dir.resolve("enc.json"), GOOD);
        ImageEncoderManifest m = ImageEncoderManifest.read(file);
        assertEquals(file, m.file());
        assertEquals(dir.resolve("models/enc.onnx").toAbsolutePath(), m.model());
        assertEquals("pixel_values", m.input());
        assertEquals(224, m.width());
        assertEquals(160, m.height());
        assertEquals(3, m.channels());
        assertEquals("NCHW", m.layout());
        assertEquals(List.of(0.485, 0.456, 0.406), m.mean());
        assertEquals(List.of(0.229, 0.224, 0.225), m.std());
        assertEquals("last_hidden_state", m.output());
        assertEquals(Pooling.CLS, m.pooling());
    }

    @Test
    void layoutMayBeLeftOut() throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/enc.onnx"), "x");
        Path file = Files.writeString(dir.resolve("enc.json"), GOOD.replace("\"layout\": \"NCHW\",", ""));
        assertEquals("NCHW", ImageEncoderManifest.read(file).layout());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "\"model\": \"models/enc.onnx\" | \"model\": \"nowhere.onnx\""
                + " | model : \"nowhere.onnx\" (expected: an ONNX file, relative to the manifest; {dir}/nowhere.onnx"
                + " does not exist)",
        "\"channels\": 3 | \"channels\": 2 | channels : 2 (expected: 1 (grey) or 3 (RGB))",
        "\"width\": 224 | \"width\": 0 | width : 0 (expected: > 0 pixels)",
        "\"layout\": \"NCHW\" | \"layout\": \"NHWC\" | layout : \"NHWC\" (expected: \"NCHW\")",
        "[0.485, 0.456, 0.406] | [0.5] | mean : [0.5] (expected: 3 finite number(s), one per channel)",
        "[0.229, 0.224, 0.225] | [0.2, 0, 0.2] | std : [0.2, 0.0, 0.2] (expected: each > 0)",
        "\"pooling\": \"cls\" | \"pooling\": \"max\" | pooling : \"max\" (expected: \"none\", \"mean\" or \"cls\")",
        "\"output\": \"last_hidden_state\", | '' | output : missing (expected: a value; see ImageEncoderManifest)",
        "\"input\": \"pixel_values\", | \"inputs\": \"x\", | unknown setting \"inputs\" at line 3 (expected one of"
                + " [channels, height, input, layout, mean, model, output, pooling, std, width])",
    })
    void eachMistakeIsOneLineNamingTheFileAndField(String from, String to, String message) throws IOException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/enc.onnx"), "x");
        Path file = Files.writeString(dir.resolve("enc.json"), GOOD.replace(from, to));
        BadInputException e = assertThrows(BadInputException.class, () -> ImageEncoderManifest.read(file));
        assertEquals(file + ": " + message.replace("{dir}", dir.toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void aMissingManifestSaysWhatWasExpected() {
        Path file = dir.resolve("none.json");
        BadInputException e = assertThrows(BadInputException.class, () -> ImageEncoderManifest.read(file));
        assertEquals(file + ": no such file (expected: an image encoder manifest, JSON)", e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() throws IOException {
        Path file = Files.writeString(dir.resolve("enc.json"), "{\n  \"model\": \"a.onnx\",\n  \"width\": ,\n}");
        BadInputException e = assertThrows(BadInputException.class, () -> ImageEncoderManifest.read(file));
        OnnxImageEncoderTest.assertOneLine(e);
        assertTrue(e.getMessage().startsWith(file + ": ") && e.getMessage().endsWith(" at line 3"),
                e.getMessage());
    }
}
