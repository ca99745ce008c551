package org.v2mzero.bridge.osc;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daemon's OSC control surface: a DAW control surface or a ReaScript sends commands to a UDP port,
 * each is handed to an {@link OscControlHandler} on this server's thread and answered to the sender's
 * address and port.
 *
 * <ul>
 *   <li>{@code /v2m/ping} → {@code /v2m/pong s:}{@link OscControlHandler#ping()}</li>
 *   <li>{@code /v2m/prompt s:prompt}</li>
 *   <li>{@code /v2m/regenerate} (from the playhead), {@code /v2m/regenerate start end} (seconds, int or
 *       float), {@code /v2m/regenerate start end s:prompt}</li>
 *   <li>{@code /v2m/take/current s:takeId}</li>
 * </ul>
 * A command the handler carried out is answered {@code /v2m/ok s:<address>}; one it threw on, or one
 * that is malformed (unknown {@code /v2m} address, wrong arguments, a datagram that is not OSC),
 * {@code /v2m/error s:<one line>}. Malformed input is also counted and logged once per burst. Other
 * addresses are not for us: counted, not answered (nor are our own reply addresses, so two servers
 * cannot answer each other forever). Bundles are unpacked and their messages run at once, in order.
 *
 * <p>Only senders in {@link AllowedSenders} are heard (by default this machine alone); datagrams from
 * anyone else are dropped unanswered and counted. JavaOSC's own port classes hide the sender, so the
 * socket is a plain {@link DatagramSocket} and JavaOSC only parses and serializes, as in {@link OscLink}.
 *
 * <p>Threads: the constructor, {@link #start()} and the counters from any thread; {@link #close()} from
 * any thread, idempotent.
 */
public final class OscControlServer implements AutoCloseable {
    private enum State { NEW, STARTING, RUNNING, CLOSED }

    private static final Logger LOG = Logger.getLogger(OscControlServer.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int MAX_DATAGRAM = 65_507;
    private static final int MAX_ERROR_CHARS = 400;
    private static final long JOIN_MILLIS = 2000;

    private final int port;
    private final AllowedSenders allowed;
    private final OscControlCommands commands;
    private final MalformedCounter malformed = new MalformedCounter(LOG, "OSC control");
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final OSCParser parser;
    // Server thread only: replies are serialized here.
    private final ByteBuffer sendBuffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final OSCSerializer serializer;
    private volatile DatagramSocket socket;
    private volatile Thread thread;

    /** Any thread; binds nothing yet. Hears this machine only. */
    public OscControlServer(int port, OscControlHandler handler) {
        this(port, AllowedSenders.loopbackOnly(), handler);
    }

    /**
     * Any thread; binds nothing yet.
     *
     * @param port    UDP port to listen on, 0 for any free one (see {@link #localPort()})
     * @param allowed the hosts heard; when all are this machine the port is bound on loopback alone
     * @param handler carries the commands out, on this server's thread
     */
    public OscControlServer(int port, AllowedSenders allowed, OscControlHandler handler) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port : " + port + " (expected: 0..65535)");
        }
        if (allowed == null || handler == null) {
            throw new IllegalArgumentException("allowed, handler : " + allowed + ", " + handler
                    + " (expected: both non-null)");
        }
        this.port = port;
        this.allowed = allowed;
        this.commands = new OscControlCommands(handler);
        OSCSerializerAndParserBuilder builder = new OSCSerializerAndParserBuilder();
        this.parser = builder.buildParser();
        this.serializer = builder.buildSerializer(new BufferBytesReceiver(sendBuffer));
    }

    /**
     * Any thread, once. Binds the port and starts the server's thread.
     *
     * @throws IOException           if the port cannot be bound (message names it)
     * @throws IllegalStateException if started before or closed
     */
    public void start() throws IOException {
        if (!state.compareAndSet(State.NEW, State.STARTING)) {
            throw new IllegalStateException("OSC control server : " + state.get() + " (expected: NEW)");
        }
        InetSocketAddress bind = allowed.localOnly() ? new InetSocketAddress(InetAddress.getLoopbackAddress(), port)
                : new InetSocketAddress(port);
        try {
            socket = new DatagramSocket(bind);
        } catch (SocketException e) {
            state.set(State.CLOSED);
            throw new IOException("cannot listen for OSC control on UDP " + bind
                    + " (is another program using the port?): " + e.getMessage(), e);
        }
        thread = new Thread(this::receiveLoop, "v2m-osc-control-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, t.getName() + " ended", e));
        thread.start();
        if (!state.compareAndSet(State.STARTING, State.RUNNING)) {
            stop(); // closed while starting
            return;
        }
        LOG.info(() -> "OSC control listening on UDP " + socket.getLocalSocketAddress() + " for " + allowed);
    }

    /** Any thread, after {@link #start()}. The bound UDP port. */
    public int localPort() {
        DatagramSocket bound = socket;
        if (bound == null) {
            throw new IllegalStateException("OSC control server : not started (expected: after start())");
        }
        return bound.getLocalPort();
    }

    /** Any thread. {@code /v2m} messages answered with an error because malformed, and datagrams not OSC. */
    public long malformedMessages() {
        return malformed.count();
    }

    /** Any thread. Datagrams dropped unanswered because their sender is not allowed. */
    public long ignoredMessages() {
        return ignored.get();
    }

    /** Any thread. Messages from allowed senders to addresses outside {@code /v2m}: not answered. */
    public long foreignMessages() {
        return foreign.get();
    }

    /** Any thread, idempotent. Closes the socket, which ends the server's thread, and waits up to 2 s for it. */
    @Override
    public void close() {
        if (state.getAndSet(State.CLOSED) == State.RUNNING) {
            stop();
        }
    }

    private void stop() {
        socket.close();
        Thread receiver = thread;
        if (receiver == Thread.currentThread()) {
            return; // a handler closed its own server: the loop ends once it returns
        }
        try {
            receiver.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (receiver.isAlive()) {
            LOG.warning(receiver.getName() + " still runs " + JOIN_MILLIS + " ms after close (a handler blocks?)");
        }
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        DatagramSocket own = socket;
        while (!own.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                own.receive(datagram);
            } catch (IOException e) {
                if (!own.isClosed()) {
                    LOG.log(Level.WARNING, "OSC control: receive failed, stopping", e);
                }
                return;
            }
            long nanos = System.nanoTime();
            if (!allowed.allows(datagram.getAddress())) {
                long count = ignored.incrementAndGet();
                LOG.log(count == 1 ? Level.WARNING : Level.FINE, "OSC control: ignoring {0} (not an allowed sender; "
                        + "{1} so far)", new Object[] {datagram.getSocketAddress(), count});
                continue;
            }
            handleDatagram(ByteBuffer.wrap(buffer, 0, datagram.getLength()), datagram.getSocketAddress(), nanos);
        }
    }

    private void handleDatagram(ByteBuffer bytes, SocketAddress sender, long nanos) {
        OSCPacket packet;
        try {
            packet = parser.convert(bytes);
        } catch (OSCParseException | RuntimeException e) {
            // JavaOSC throws unchecked exceptions on some truncated packets; garbage is never fatal.
            malformed.record(e.toString(), nanos);
            reply(error("not an OSC packet: " + e.getMessage()), sender);
            return;
        }
        dispatch(packet, sender, nanos);
    }

    private void dispatch(OSCPacket packet, SocketAddress sender, long nanos) {
        if (packet instanceof OSCBundle bundle) {
            for (OSCPacket inner : bundle.getPackets()) {
                dispatch(inner, sender, nanos);
            }
        } else if (packet instanceof OSCMessage message) {
            handle(message, sender, nanos);
        }
    }

    private void handle(OSCMessage message, SocketAddress sender, long nanos) {
        String address = message.getAddress();
        if (!OscControlCommands.ours(address)) {
            foreign.incrementAndGet();
            LOG.log(Level.FINE, "OSC control: not for us: {0}", address);
            return;
        }
        OSCMessage answer;
        try {
            answer = commands.run(message);
        } catch (MalformedOscException e) {
            malformed.record(e.getMessage(), nanos);
            answer = error(e.getMessage());
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            answer = error(address + " failed: " + reason);
            LOG.log(Level.WARNING, "OSC control: " + answer.getArguments().get(0), e);
        }
        reply(answer, sender);
    }

    /** An error reply: the text on one line, at most 400 characters. */
    private static OSCMessage error(String text) {
        String line = String.valueOf(text).replaceAll("\\s+", " ").strip();
        if (line.length() > MAX_ERROR_CHARS) {
            line = line.substring(0, MAX_ERROR_CHARS - 3) + "...";
        }
        return new OSCMessage(OscControlCommands.ERROR, List.of(line));
    }

    /** Server thread. Sends {@code answer} to {@code to}; a reply that cannot go out is logged, never fatal. */
    private void reply(OSCMessage answer, SocketAddress to) {
        sendBuffer.clear();
        try {
            serializer.write(answer);
            socket.send(new DatagramPacket(sendBuffer.array(), sendBuffer.position(), to));
        } catch (OSCSerializeException | IOException | RuntimeException e) {
            if (!socket.isClosed()) {
                LOG.log(Level.WARNING, "OSC control: cannot answer " + to + " with " + answer.getAddress(), e);
            }
        }
    }
}
