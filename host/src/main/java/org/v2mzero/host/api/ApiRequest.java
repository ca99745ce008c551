package org.v2mzero.host.api;

import io.netty.buffer.ByteBuf;
import java.util.Map;

/**
 * What a route handler sees of a request: the path's parameters (decoded, never containing {@code /}) and the
 * body, valid only while the handler runs.
 */
record ApiRequest(Map<String, String> params, ByteBuf body) {
    String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no parameter {" + name + "}");
        }
        return value;
    }

    /** The body as a {@code type}; 400 naming the field when it does not fit. */
    <T> T body(Class<T> type) throws HttpError {
        return ApiJson.read(body, type);
    }
}
