package org.v2mzero.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one JSON dialect of the project (Jackson: the most widely kept JSON library on the JVM, with
 * record support). Output is indented with a stable field order, so the same value gives the same bytes.
 */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // Readers of newer files keep working: unknown fields are ignored, not fatal.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    /** The value as indented JSON text ending in a newline. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a file; a malformed file fails with the file name and the parser's position. */
    public static <T> T read(Path file, Class<T> type) throws IOException {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), type);
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": not a valid " + type.getSimpleName() + " ("
                    + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr() + ")");
        }
    }
}
