package org.v2mzero.host.api;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.host.daemon.DaemonApi;

/**
 * The {@code /api/events} endpoint: upgrades a request to a WebSocket, puts an {@link EventSocket} in place of
 * the request handler, and keeps the open sockets so that closing the server says goodbye (close code 1001).
 *
 * <p>Threads: any.
 */
final class EventSockets {
    private static final Logger LOG = Logger.getLogger(EventSockets.class.getName());

    private final DaemonApi api;
    private final int maxFrameBytes;
    private final ChannelGroup open = new DefaultChannelGroup("v2m-api-events", GlobalEventExecutor.INSTANCE);

    EventSockets(DaemonApi api, int maxFrameBytes) {
        this.api = api;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Answers the handshake; once it is written, {@code ctx}'s handler leaves the pipeline. */
    void upgrade(ChannelHandlerContext ctx, FullHttpRequest request) throws HttpError {
        HttpHeaders headers = request.headers();
        if (!headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)
                || !headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)) {
            throw new HttpError(HttpResponseStatus.UPGRADE_REQUIRED,
                    "/api/events is a WebSocket: send Connection: Upgrade and Upgrade: websocket")
                    .withHeader(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET);
        }
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                "ws://" + headers.get(HttpHeaderNames.HOST) + "/api/events", null, false, maxFrameBytes)
                .newHandshaker(request);
        if (handshaker == null) {
            throw new HttpError(HttpResponseStatus.UPGRADE_REQUIRED, "WebSocket version "
                    + headers.get(HttpHeaderNames.SEC_WEBSOCKET_VERSION) + " not supported (expected: 13)")
                    .withHeader(HttpHeaderNames.SEC_WEBSOCKET_VERSION, "13");
        }
        ChannelHandler requestHandler = ctx.handler();
        try {
            handshaker.handshake(ctx.channel(), request).addListener((ChannelFuture done) -> {
                if (!done.isSuccess()) {
                    LOG.log(Level.FINE, "WebSocket handshake with " + done.channel().remoteAddress() + " failed",
                            done.cause());
                    done.channel().close();
                    return;
                }
                ChannelPipeline pipeline = done.channel().pipeline();
                if (pipeline.context(requestHandler) == null) {
                    return; // closed meanwhile, the pipeline torn down
                }
                pipeline.remove(requestHandler);
                // Frames go straight to the socket, so that Netty's writability tells EventSocket when to wait.
                pipeline.remove(ChunkedWriteHandler.class);
                pipeline.addLast("events", new EventSocket(api, handshaker, open));
            });
        } catch (WebSocketHandshakeException e) {
            throw HttpError.badRequest("WebSocket handshake: " + e.getMessage());
        }
    }

    /** Sends every open socket a close frame (1001, going away), waiting at most {@code patience}. */
    void sayGoodbye(Duration patience) {
        open.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE))
                .awaitUninterruptibly(patience.toMillis());
    }
}
