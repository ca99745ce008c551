package org.v2mzero.host.api;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A route table: method and path pattern ({@code /api/sessions/{id}}) to a handler. An unknown path is a 404; a
 * known path asked with another method a 405 naming the methods it has in {@code Allow}.
 *
 * <p>Paths are split on {@code /} before percent-decoding, and a decoded segment may not be {@code .},
 * {@code ..}, or hold a {@code /}, {@code \} or control character: {@code ..%2f..%2fetc%2fpasswd} is a 400, and
 * no handler ever sees a parameter that could climb out of a folder.
 *
 * <p>Threads: build it on one thread, then match from any.
 */
final class ApiRouter {
    /** A route's work; it may throw what {@link org.v2mzero.host.daemon.DaemonApi} throws. */
    @FunctionalInterface
    interface Handler {
        ApiReply handle(ApiRequest request) throws Exception;
    }

    /** The handler a request goes to, with the path's parameters by name. */
    record Match(Handler handler, Map<String, String> params) {}

    private record Route(HttpMethod method, List<String> pattern, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    ApiRouter add(HttpMethod method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("pattern : " + pattern + " (expected: starting with /)");
        }
        routes.add(new Route(method, pattern.equals("/") ? List.of() : List.of(pattern.substring(1).split("/")),
                handler));
        return this;
    }

    Match match(HttpMethod method, List<String> segments) throws HttpError {
        Set<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = bind(route.pattern(), segments);
            if (params == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route.handler(), params);
            }
            allowed.add(route.method().name());
        }
        String path = "/" + String.join("/", segments);
        if (allowed.isEmpty()) {
            throw HttpError.notFound("no such route: " + path);
        }
        String allow = String.join(", ", allowed);
        throw new HttpError(HttpResponseStatus.METHOD_NOT_ALLOWED, method.name() + " " + path
                + ": method not allowed (allowed: " + allow + ")").withHeader("Allow", allow);
    }

    private static Map<String, String> bind(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String part = pattern.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (segments.get(i).isEmpty()) {
                    return null;
                }
                params.put(part.substring(1, part.length() - 1), segments.get(i));
            } else if (!part.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }

    /**
     * The decoded segments of a raw (still percent-encoded) path: {@code /} gives none, {@code /api/jobs/j1}
     * gives {@code [api, jobs, j1]}.
     */
    static List<String> segments(String rawPath) throws HttpError {
        if (!rawPath.startsWith("/")) {
            throw HttpError.badRequest("request target \"" + rawPath + "\": expected a path starting with /");
        }
        if (rawPath.equals("/")) {
            return List.of();
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(1).split("/", -1)) {
            segments.add(decode(raw));
        }
        return segments;
    }

    private static String decode(String raw) throws HttpError {
        String segment;
        try {
            // URLDecoder is for forms, where + means space; in a path + is itself.
            segment = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("path segment \"" + raw + "\": malformed percent-encoding");
        }
        if (segment.equals(".") || segment.equals("..") || segment.chars().anyMatch(ApiRouter::forbidden)) {
            throw HttpError.badRequest("path segment \"" + raw + "\": not allowed (no ., .., /, \\ or control "
                    + "characters)");
        }
        return segment;
    }

    private static boolean forbidden(int c) {
        return c == '/' || c == '\\' || c < 0x20 || c == 0x7f;
    }
}
