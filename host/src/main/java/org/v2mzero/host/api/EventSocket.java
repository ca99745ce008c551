package org.v2mzero.host.api;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.host.daemon.DaemonApi;
import org.v2mzero.host.daemon.DaemonEvent;
import org.v2mzero.protocol.Json;

/**
 * One WebSocket client of {@code /api/events}. It holds its own {@link DaemonApi#subscribe subscription}, opened
 * when the socket is and closed when it closes, and sends every event as a text frame
 * {@code {"type": ..., "data": ...}}.
 *
 * <p>The daemon's event thread only offers the event to a bounded backlog ({@value #MAX_BEHIND} events) and
 * wakes the channel's event loop, which writes while Netty says the socket is writable and resumes when it
 * becomes writable again. A client that falls {@value #MAX_BEHIND} events behind is closed rather than skipped:
 * the events say what changed (a take is ready, the current take, a session closed), so a client that missed
 * some would show a wrong state without knowing it, while a closed socket tells it to reconnect and reload the
 * state from the REST routes. Either way the daemon's thread never waits on a client.
 *
 * <p>Threads: {@link #hear} on the daemon's event thread; everything else on the channel's event loop.
 */
final class EventSocket extends SimpleChannelInboundHandler<WebSocketFrame> {
    static final int MAX_BEHIND = 256;
    private static final Logger LOG = Logger.getLogger(EventSocket.class.getName());

    private final DaemonApi api;
    private final WebSocketServerHandshaker handshaker;
    private final ChannelGroup openSockets;
    private final BlockingQueue<DaemonEvent> backlog = new ArrayBlockingQueue<>(MAX_BEHIND);
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private volatile boolean overrun;
    private volatile ChannelHandlerContext ctx;
    private AutoCloseable subscription;

    EventSocket(DaemonApi api, WebSocketServerHandshaker handshaker, ChannelGroup openSockets) {
        this.api = api;
        this.handshaker = handshaker;
        this.openSockets = openSockets;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        Channel channel = context.channel();
        if (!channel.isActive()) {
            return;
        }
        openSockets.add(channel);
        try {
            subscription = api.subscribe(this::hear);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cannot subscribe an event socket to the daemon", e);
            context.close();
            return;
        }
        channel.closeFuture().addListener(closed -> unsubscribe());
    }

    /** The daemon's event thread: never blocks. */
    private void hear(DaemonEvent event) {
        if (overrun) {
            return;
        }
        if (!backlog.offer(event)) {
            overrun = true;
            onLoop(this::closeOverrun);
        } else if (drainPending.compareAndSet(false, true)) {
            onLoop(this::drain);
        }
    }

    private void onLoop(Runnable task) {
        try {
            ctx.executor().execute(task);
        } catch (RejectedExecutionException e) {
            // The server is shutting down and closes this socket itself; stop offering to it.
            overrun = true;
        }
    }

    private void drain() {
        drainPending.set(false);
        Channel channel = ctx.channel();
        boolean wrote = false;
        while (channel.isActive() && channel.isWritable()) {
            DaemonEvent event = backlog.poll();
            if (event == null) {
                break;
            }
            TextWebSocketFrame frame = frame(event);
            if (frame != null) {
                ctx.write(frame);
                wrote = true;
            }
        }
        if (wrote) {
            ctx.flush();
        }
    }

    private static TextWebSocketFrame frame(DaemonEvent event) {
        try {
            return new TextWebSocketFrame(Json.write(event));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "event \"" + event.type() + "\" cannot be written as JSON; not sent", e);
            return null;
        }
    }

    private void closeOverrun() {
        LOG.info("event socket " + ctx.channel().remoteAddress() + " fell " + MAX_BEHIND
                + " events behind: closed (its client reconnects and reloads)");
        backlog.clear();
        ctx.close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (context.channel().isWritable()) {
            drain();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, WebSocketFrame frame) {
        if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(context.channel(), (CloseWebSocketFrame) frame.retain());
        } else if (frame instanceof PingWebSocketFrame) {
            context.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        }
        // Text and binary frames are ignored: a client has nothing to say on this socket.
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        LOG.log(Level.FINE, "event socket " + context.channel().remoteAddress() + " failed", cause);
        context.close();
    }

    private void unsubscribe() {
        backlog.clear();
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "closing an event subscription failed", e);
        }
        subscription = null;
    }
}
