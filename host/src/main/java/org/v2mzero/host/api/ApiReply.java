package org.v2mzero.host.api;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.file.Path;

/** What a route answers; {@link ApiRequestHandler} puts it on the wire. */
sealed interface ApiReply {
    /** A JSON value; {@code location} (or {@code null}) names what a 201 or 202 made. */
    record Value(HttpResponseStatus status, Object value, String location) implements ApiReply {}

    /** 204. */
    record NoContent() implements ApiReply {}

    /** A take's file, streamed, with a single byte range honoured. */
    record TakeFile(Path file) implements ApiReply {}

    /** A file of the web panel, by plain name. */
    record PanelFile(String name) implements ApiReply {}

    /** The WebSocket upgrade of {@code /api/events}. */
    record Events() implements ApiReply {}

    static ApiReply ok(Object value) {
        return new Value(HttpResponseStatus.OK, value, null);
    }

    static ApiReply created(Object value, String location) {
        return new Value(HttpResponseStatus.CREATED, value, location);
    }

    static ApiReply accepted(Object value, String location) {
        return new Value(HttpResponseStatus.ACCEPTED, value, location);
    }
}
