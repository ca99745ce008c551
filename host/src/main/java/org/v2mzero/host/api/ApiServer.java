package org.v2mzero.host.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.v2mzero.host.daemon.DaemonApi;
import org.v2mzero.protocol.BadInputException;

/**
 * The daemon's HTTP/JSON and WebSocket API on Netty, for the web panel and scripts. Routes are listed in
 * {@link ApiRoutes}; the checks every request passes in {@link ApiGuard}.
 *
 * <p>Threads: two event loops move the bytes; {@link DaemonApi} calls run on four call threads beside them, in
 * order per connection. All are daemon threads: whoever starts the server keeps the JVM alive.
 * {@link #start}, {@link #port}, {@link #badRequests} and {@link #close} may be called from any thread but the
 * server's own.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ApiServer.class.getName());
    private static final int IO_THREADS = 2;
    private static final int CALL_THREADS = 4;
    private static final Duration GOODBYE = Duration.ofSeconds(1);
    private static final long SHUTDOWN_SECONDS = 3;

    private enum State { RUNNING, CLOSED }

    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private final EventLoopGroup loops;
    private final EventExecutorGroup calls;
    private final ChannelGroup connections;
    private final CallThreadUsers users;
    private final EventSockets events;
    private final ApiErrors errors;
    private final Channel listener;

    private ApiServer(EventLoopGroup loops, EventExecutorGroup calls, ApiPipeline.Shared shared, Channel listener) {
        this.loops = loops;
        this.calls = calls;
        this.users = shared.users();
        this.connections = shared.connections();
        this.events = shared.events();
        this.errors = shared.errors();
        this.listener = listener;
    }

    /**
     * Binds and returns once the server listens.
     *
     * @throws BadInputException the host is unknown, or not loopback and no token is set
     * @throws IOException       the address cannot be bound (e.g. the port is taken)
     */
    public static ApiServer start(DaemonApi api, ApiConfig config) throws IOException {
        InetAddress address = resolve(config.host());
        boolean loopback = address.isLoopbackAddress();
        if (!loopback && config.token() == null) {
            throw new BadInputException("refusing to serve the API on " + config.host() + " without a token: that "
                    + "address is reachable from other machines (set a token, or bind 127.0.0.1)");
        }
        ApiErrors errors = new ApiErrors();
        EventSockets events = new EventSockets(api, config.maxRequestBytes());
        ApiPipeline.Shared shared = new ApiPipeline.Shared(new ApiGuard(loopback, config.token()),
                ApiRoutes.of(api, errors::badRequests), errors, new StaticFiles(ApiServer.class.getClassLoader()),
                events, new CallThreadUsers(), new DefaultChannelGroup("v2m-api", GlobalEventExecutor.INSTANCE),
                config.maxRequestBytes());
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(IO_THREADS,
                new DefaultThreadFactory("v2m-api-io", true), NioIoHandler.newFactory());
        EventExecutorGroup calls = new DefaultEventExecutorGroup(CALL_THREADS,
                new DefaultThreadFactory("v2m-api-call", true));
        ServerBootstrap bootstrap = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ApiPipeline(shared, calls));
        ChannelFuture bound = bootstrap.bind(address, config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loops.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            calls.shutdownGracefully(0, 0, TimeUnit.SECONDS);
            throw new IOException("cannot serve the API on " + config.host() + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        ApiServer server = new ApiServer(loops, calls, shared, bound.channel());
        LOG.info("API listening on http://" + hostForUrl(address) + ":" + server.port() + "/"
                + (config.token() == null ? "" : " (token required)"));
        return server;
    }

    private static InetAddress resolve(String host) throws BadInputException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BadInputException("API host \"" + host + "\": unknown (expected: an address, e.g. 127.0.0.1)",
                    e);
        }
    }

    private static String hostForUrl(InetAddress address) {
        String literal = address.getHostAddress();
        return literal.contains(":") ? "[" + literal + "]" : literal;
    }

    /** The port the server listens on (the one picked when the configuration said 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /**
     * Requests this server answered with a 4xx since it started, whatever refused them (a guard, the router, or
     * the daemon's {@code BadInputException}/{@code NotFoundException}). {@code GET /api/stats} reports this
     * added to the daemon's own {@code badRequests}, so the daemon must not count the exceptions it throws to
     * this server again.
     */
    public long badRequests() {
        return errors.badRequests();
    }

    /**
     * Stops listening, sends open event sockets a close frame (1001), closes every connection and stops the
     * threads, waiting a few seconds at most. A second call does nothing.
     */
    @Override
    public void close() {
        if (!state.compareAndSet(State.RUNNING, State.CLOSED)) {
            return;
        }
        listener.close().awaitUninterruptibly();
        events.sayGoodbye(GOODBYE);
        connections.close().awaitUninterruptibly(SHUTDOWN_SECONDS, TimeUnit.SECONDS);
        // A closed connection's teardown passes between its event loop and its call thread: the call threads
        // stop once no pipeline holds a handler on them, the loops after them, so neither refuses a task.
        if (!users.awaitNone(Duration.ofSeconds(SHUTDOWN_SECONDS))) {
            LOG.warning("API connections still tearing down after " + SHUTDOWN_SECONDS + " s; stopping anyway");
        }
        calls.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
        loops.shutdownGracefully(0, SHUTDOWN_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
