package org.v2mzero.host.api;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * A request the API refuses: the status, one line for the caller, and any header the status calls for
 * ({@code Allow} with 405, {@code WWW-Authenticate} with 401, {@code Content-Range} with 416). A value, not a
 * failure: it carries no stack trace.
 */
final class HttpError extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient HttpResponseStatus status;
    private final transient HttpHeaders headers = new DefaultHttpHeaders();

    HttpError(HttpResponseStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static HttpError badRequest(String message) {
        return new HttpError(HttpResponseStatus.BAD_REQUEST, message);
    }

    static HttpError notFound(String message) {
        return new HttpError(HttpResponseStatus.NOT_FOUND, message);
    }

    static HttpError forbidden(String message) {
        return new HttpError(HttpResponseStatus.FORBIDDEN, message);
    }

    HttpError withHeader(CharSequence name, Object value) {
        headers.set(name, value);
        return this;
    }

    HttpResponseStatus status() {
        return status;
    }

    HttpHeaders headers() {
        return headers;
    }
}
