package org.v2mzero.host.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads request bodies into the API's records. Stricter than {@link org.v2mzero.protocol.Json}, which reads
 * files and forgives what a newer writer added: a request is typed by a person or a script now, so an unknown
 * field, a number sent as a string ({@code "item": "2"}) or a string sent as a number is a 400 naming the field
 * rather than a silent guess.
 *
 * <p>Threads: any.
 */
final class ApiJson {
    private static final ObjectMapper READER = strictReader();

    private ApiJson() {}

    private static ObjectMapper strictReader() {
        ObjectMapper mapper = JsonMapper.builder()
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /** The body as a {@code type}; 400 when it is empty, not JSON, not an object, or has a wrong field. */
    static <T> T read(ByteBuf body, Class<T> type) throws HttpError {
        String what = "request body (" + type.getSimpleName() + ")";
        if (!body.isReadable()) {
            throw HttpError.badRequest(what + ": empty; expected a JSON object");
        }
        T value;
        try {
            value = READER.readValue(ByteBufUtil.getBytes(body), type);
        } catch (UnrecognizedPropertyException e) {
            throw HttpError.badRequest(what + ": unknown field \"" + e.getPropertyName() + "\" (known: "
                    + known(e.getKnownPropertyIds()) + ")");
        } catch (MismatchedInputException e) {
            String field = field(e.getPath());
            throw HttpError.badRequest(field.isEmpty() ? what + ": expected a JSON object"
                    : what + ": field \"" + field + "\": expected " + describe(e.getTargetType()));
        } catch (JsonMappingException e) {
            String field = field(e.getPath());
            throw HttpError.badRequest(what + (field.isEmpty() ? "" : ": field \"" + field + "\"") + ": "
                    + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw HttpError.badRequest(what + ": malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
        } catch (IOException e) {
            throw HttpError.badRequest(what + ": unreadable (" + e.getMessage() + ")");
        }
        if (value == null) {
            throw HttpError.badRequest(what + ": null; expected a JSON object");
        }
        return value;
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder name = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                name.append(name.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                name.append('[').append(ref.getIndex()).append(']');
            }
        }
        return name.toString();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "another type";
        } else if (type == String.class) {
            return "a string";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        } else if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object (" + type.getSimpleName() + ")";
    }

    private static String known(Collection<Object> names) {
        return names == null ? "?" : names.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }
}
