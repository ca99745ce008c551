package org.v2mzero.host.api;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import org.v2mzero.protocol.Json;

/** Building and sending whole responses; every response of the API leaves through {@link #send}. */
final class ApiResponses {
    static final String JSON = "application/json; charset=utf-8";
    private static final String NO_SNIFF_HEADER = "X-Content-Type-Options";

    private ApiResponses() {}

    /** The value as the project's JSON ({@link Json}), UTF-8. */
    static FullHttpResponse json(HttpResponseStatus status, Object value) {
        return bytes(status, JSON, Json.writeBytes(value));
    }

    static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        HttpUtil.setContentLength(response, body.length);
        return response;
    }

    static FullHttpResponse empty(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
        HttpUtil.setContentLength(response, 0);
        return response;
    }

    /** The headers every response carries: no type sniffing, and whether the connection stays open. */
    static HttpResponse prepare(HttpResponse response, boolean keepAlive) {
        response.headers().set(NO_SNIFF_HEADER, "nosniff");
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    /** Writes a whole response, closing the connection after it unless the request asked to keep it open. */
    static ChannelFuture send(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        ChannelFuture written = ctx.writeAndFlush(prepare(response, keepAlive));
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
        return written;
    }
}
