package org.v2mzero.host.api;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web panel's files, from the classpath folder {@value #FOLDER}. A name is one plain file name with a known
 * extension ({@code panel.js}), never a path, so nothing outside the folder, and no sub-folder listing, can be
 * asked for. Files are read once and kept: they are the jar's, they do not change while it runs.
 *
 * <p>Threads: any.
 */
final class StaticFiles {
    static final String FOLDER = "org/v2mzero/host/api/web/";
    static final String INDEX = "index.html";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.([a-z0-9]+)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "txt", "text/plain; charset=utf-8",
            "woff2", "font/woff2");

    private final ClassLoader loader;
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    StaticFiles(ClassLoader loader) {
        this.loader = loader;
    }

    /** The file as a 200; 404 for a name that is not a file of the folder. */
    FullHttpResponse response(String name) throws HttpError {
        Matcher m = NAME.matcher(name);
        String type = m.matches() ? TYPES.get(m.group(1)) : null;
        byte[] body = type == null ? null : cache.computeIfAbsent(name, this::load);
        if (body == null) {
            throw HttpError.notFound("no panel file named \"" + name + "\"");
        }
        FullHttpResponse response = ApiResponses.bytes(HttpResponseStatus.OK, type, body);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
        return response;
    }

    private byte[] load(String name) {
        try (InputStream in = loader.getResourceAsStream(FOLDER + name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read panel file " + FOLDER + name, e);
        }
    }
}
