package org.v2mzero.host.api;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The API's error replies, {@code {"error": "<one line>", "status": N}}. Counts every 4xx it makes; refusals are
 * logged once per burst (the first at once, then at most one line per {@value #BURST_SECONDS} s saying how many),
 * so a client hammering the API cannot flood the log. A 500 logs its trace at WARNING; the caller sees a generic
 * line.
 *
 * <p>Threads: any.
 */
final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final long BURST_SECONDS = 10;
    private static final int MAX_MESSAGE_CHARS = 300;
    static final String INTERNAL = "internal error; the daemon's log has the details";

    /** The body of every error response. */
    record ErrorBody(String error, int status) {}

    private final LongAdder badRequests = new LongAdder();
    private final AtomicLong unlogged = new AtomicLong();
    private final AtomicLong nextLogNanos = new AtomicLong(System.nanoTime());

    /** Requests answered with a 4xx since the server started. */
    long badRequests() {
        return badRequests.sum();
    }

    /**
     * An error response; a 4xx is counted and logged (per burst) with {@code what}, the request's method and
     * path.
     */
    FullHttpResponse response(HttpResponseStatus status, String message, String what) {
        String line = oneLine(message, status);
        if (status.codeClass() == HttpStatusClass.CLIENT_ERROR) {
            badRequests.increment();
            logRefusal(what + " -> " + status.code() + " " + line);
        }
        return ApiResponses.json(status, new ErrorBody(line, status.code()));
    }

    ChannelFuture send(ChannelHandlerContext ctx, HttpError error, boolean keepAlive, String what) {
        FullHttpResponse response = response(error.status(), error.getMessage(), what);
        response.headers().add(error.headers());
        return ApiResponses.send(ctx, response, keepAlive);
    }

    ChannelFuture send(ChannelHandlerContext ctx, HttpResponseStatus status, String message, boolean keepAlive,
            String what) {
        return ApiResponses.send(ctx, response(status, message, what), keepAlive);
    }

    /** 500: the trace goes to the log, never to the client. */
    ChannelFuture internal(ChannelHandlerContext ctx, Throwable cause, boolean keepAlive, String what) {
        LOG.log(Level.WARNING, what + " failed", cause);
        return send(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, INTERNAL, keepAlive, what);
    }

    private void logRefusal(String latest) {
        unlogged.incrementAndGet();
        long now = System.nanoTime();
        long due = nextLogNanos.get();
        if (now - due >= 0 && nextLogNanos.compareAndSet(due, now + TimeUnit.SECONDS.toNanos(BURST_SECONDS))) {
            long count = unlogged.getAndSet(0);
            LOG.info(count == 1 ? "refused " + latest
                    : "refused " + count + " requests since the last report; latest: " + latest);
        }
    }

    /** The message as one line of bounded length; the status's reason when there is none. */
    static String oneLine(String message, HttpResponseStatus status) {
        if (message == null || message.isBlank()) {
            return status.reasonPhrase();
        }
        String line = message.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() <= MAX_MESSAGE_CHARS ? line : line.substring(0, MAX_MESSAGE_CHARS - 1) + "…";
    }
}
