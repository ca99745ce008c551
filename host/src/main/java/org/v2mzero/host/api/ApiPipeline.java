package org.v2mzero.host.api;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * Each connection's pipeline: HTTP codec, body limit (413), chunked writer (for take files), and the request
 * handler on the call threads. {@link EventSockets} replaces the request handler by an {@link EventSocket} when
 * a request upgrades to a WebSocket.
 *
 * <p>Threads: the event loops.
 */
final class ApiPipeline extends ChannelInitializer<SocketChannel> {
    /** What every connection shares. */
    record Shared(ApiGuard guard, ApiRouter router, ApiErrors errors, StaticFiles panel, EventSockets events,
            CallThreadUsers users, ChannelGroup connections, int maxRequestBytes) {}

    private final Shared shared;
    private final EventExecutorGroup calls;

    ApiPipeline(Shared shared, EventExecutorGroup calls) {
        this.shared = shared;
        this.calls = calls;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        shared.connections().add(channel);
        channel.pipeline()
                .addLast("http", new HttpServerCodec())
                .addLast("body", new ApiBodyLimit(shared.maxRequestBytes(), shared.errors()))
                .addLast("chunks", new ChunkedWriteHandler())
                .addLast(calls, "api", new ApiRequestHandler(shared.guard(), shared.router(), shared.errors(),
                        shared.panel(), shared.events(), shared.users()));
    }
}
