package org.v2mzero.host.api;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks every request passes before it is routed.
 * <ul>
 *   <li>DNS rebinding: on a loopback bind, the {@code Host} header must name {@code localhost},
 *       {@code 127.0.0.1} or {@code [::1]} (any port), else 403. A page on {@code evil.example} whose name
 *       was rebound to 127.0.0.1 still sends {@code Host: evil.example}.</li>
 *   <li>Cross-site requests: an {@code Origin} header, which browsers add to cross-site requests and
 *       WebSocket handshakes, must be the server's own ({@code http://} + {@code Host}), else 403. Without it
 *       any page the user visits could open sessions or listen to events on a loopback daemon that has no
 *       token. Clients that are not browsers send no {@code Origin}.</li>
 *   <li>The token, when one is set: every {@code /api} request carries {@code Authorization: Bearer <token>},
 *       else 401. The two URLs a browser loads itself, without a script to add headers, may carry
 *       {@code ?token=} instead: the WebSocket {@code /api/events} and a take's file (an {@code <audio>}
 *       element's {@code src}). The panel's own files are public: they hold nothing of the user's.</li>
 * </ul>
 * Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}: constant time, and the length of
 * the token does not show either.
 *
 * <p>Threads: any.
 */
final class ApiGuard {
    private static final Pattern PORT = Pattern.compile("\\d{1,5}");
    private static final String BEARER = "bearer ";

    private final boolean loopbackBind;
    private final byte[] tokenDigest;

    /** @param token {@code null} for none */
    ApiGuard(boolean loopbackBind, String token) {
        this.loopbackBind = loopbackBind;
        this.tokenDigest = token == null ? null : sha256(token);
    }

    /** Host and Origin: before anything else of the request is looked at. */
    void checkSource(HttpRequest request) throws HttpError {
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (loopbackBind && !isLoopbackName(host)) {
            throw HttpError.forbidden("Host " + (host == null ? "header missing" : "\"" + host + "\"")
                    + ": this daemon only answers to localhost, 127.0.0.1 or [::1]");
        }
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !sameOrigin(origin, host)) {
            throw HttpError.forbidden("Origin \"" + origin + "\" is not this server's: cross-site requests are "
                    + "refused");
        }
    }

    /** The token, for {@code /api} paths. */
    void checkToken(HttpRequest request, List<String> segments, QueryStringDecoder uri) throws HttpError {
        if (tokenDigest == null || segments.isEmpty() || !segments.get(0).equals("api")) {
            return;
        }
        String given = bearer(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        if (given == null && request.method().equals(HttpMethod.GET) && browserLoaded(segments)) {
            given = queryToken(uri);
        }
        if (given == null || !MessageDigest.isEqual(sha256(given), tokenDigest)) {
            throw new HttpError(HttpResponseStatus.UNAUTHORIZED, given == null
                    ? "missing token: send Authorization: Bearer <token>"
                    : "wrong token").withHeader(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
    }

    private static String queryToken(QueryStringDecoder uri) throws HttpError {
        List<String> values;
        try {
            values = uri.parameters().get("token");
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("query string: malformed percent-encoding");
        }
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static boolean isLoopbackName(String host) {
        if (host == null) {
            return false;
        }
        String name = host;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']')) {
            if (!PORT.matcher(host.substring(colon + 1)).matches()) {
                return false;
            }
            name = host.substring(0, colon);
        }
        return name.equalsIgnoreCase("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
    }

    private static boolean sameOrigin(String origin, String host) {
        String lower = origin.toLowerCase(Locale.ROOT);
        for (String scheme : new String[] {"http://", "https://"}) {
            if (lower.startsWith(scheme)) {
                return host != null && lower.substring(scheme.length()).equals(host.toLowerCase(Locale.ROOT));
            }
        }
        return false;
    }

    private static boolean browserLoaded(List<String> segments) {
        return segments.size() == 2 && segments.get(1).equals("events")
                || segments.size() == 5 && segments.get(1).equals("takes") && segments.get(3).equals("files");
    }

    private static String bearer(String authorization) {
        if (authorization == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        return authorization.substring(BEARER.length()).strip();
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
