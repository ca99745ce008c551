package org.v2mzero.host.api;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams a take's file: {@link ChunkedNioFile} through the pipeline's {@code ChunkedWriteHandler}, 16 KiB at a
 * time as the socket drains, so a long WAV never sits in memory. Honours a single {@code Range: bytes=a-b},
 * {@code bytes=a-} or {@code bytes=-n} with 206 and {@code Content-Range}, so an {@code <audio>} element can seek;
 * a range past the end is 416; several ranges, another unit or a malformed header get the whole file (a server
 * may ignore Range, RFC 9110 §14.2).
 *
 * <p>Threads: any; the chunks are read on the channel's event loop.
 */
final class TakeFileResponder {
    private static final int CHUNK_BYTES = 16 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    /** First and last byte, inclusive. */
    record ByteRange(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    private TakeFileResponder() {}

    static ChannelFuture respond(ChannelHandlerContext ctx, HttpRequest request, Path file, boolean keepAlive)
            throws IOException, HttpError {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw HttpError.notFound("take file \"" + file.getFileName() + "\" is listed but missing on disk");
        }
        try {
            long size = channel.size();
            ByteRange range = range(request.headers().get(HttpHeaderNames.RANGE), size);
            HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1,
                    range == null ? HttpResponseStatus.OK : HttpResponseStatus.PARTIAL_CONTENT);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType(file))
                    .set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
            if (range == null) {
                range = new ByteRange(0, size - 1);
            } else {
                head.headers().set(HttpHeaderNames.CONTENT_RANGE,
                        "bytes " + range.first() + "-" + range.last() + "/" + size);
            }
            HttpUtil.setContentLength(head, range.length());
            ctx.write(ApiResponses.prepare(head, keepAlive));
            ChannelFuture body = ctx.writeAndFlush(new HttpChunkedInput(
                    new ChunkedNioFile(channel, range.first(), range.length(), CHUNK_BYTES)));
            return body.addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
        } catch (IOException | HttpError | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The range a {@code Range} header asks of {@code size} bytes; {@code null} for the whole file.
     *
     * @throws HttpError 416 when the range starts at or past the end
     */
    static ByteRange range(String header, long size) throws HttpError {
        Matcher m = header == null ? null : RANGE.matcher(header.strip());
        if (m == null || !m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return null;
        }
        ByteRange range;
        if (m.group(1).isEmpty()) {
            long suffix = Long.parseLong(m.group(2));
            range = suffix == 0 ? null : new ByteRange(Math.max(0, size - suffix), size - 1);
        } else {
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return null; // last before first: an invalid range, ignored as a whole (RFC 9110 §14.1.1)
            }
            range = first >= size ? null : new ByteRange(first, last);
        }
        if (range == null || size == 0) {
            throw new HttpError(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "range " + header.strip() + " is outside the file's " + size + " bytes")
                    .withHeader(HttpHeaderNames.CONTENT_RANGE, "bytes */" + size);
        }
        return range;
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".wav")) {
            return "audio/wav";
        } else if (name.endsWith(".mid") || name.endsWith(".midi")) {
            return "audio/midi";
        } else if (name.endsWith(".json")) {
            return "application/json";
        }
        return "application/octet-stream";
    }
}
