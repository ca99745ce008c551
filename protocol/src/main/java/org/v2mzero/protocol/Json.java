package org.v2mzero.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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

    /**
     * Reads a file a person writes by hand (a configuration): a field this type does not have is an
     * error naming it, so a typo is reported instead of silently ignored.
     */
    public static <T> T readStrict(Path file, Class<T> type) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return MAPPER.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(bytes);
        } catch (UnrecognizedPropertyException e) {
            throw new BadInputException(file + ": unknown setting \"" + e.getPropertyName() + "\" at line "
                    + lineOf(new String(bytes, StandardCharsets.UTF_8), "\"" + e.getPropertyName() + "\"")
                    + " (expected one of " + new java.util.TreeSet<>(
                            e.getKnownPropertyIds().stream().map(String::valueOf).toList()) + ")");
        } catch (JsonProcessingException e) {
            throw new BadInputException(file + ": " + e.getOriginalMessage().replaceAll("\\s*\\(.*", "")
                    + " at line " + e.getLocation().getLineNr());
        }
    }

    /** 1-based line of the first {@code needle}: the parser's own position is past the value it skipped. */
    private static long lineOf(String text, String needle) {
        int at = Math.max(0, text.indexOf(needle));
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
