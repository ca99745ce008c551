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
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One UDP socket to a DAW: sends control messages and receives its feedback on a thread of its own.
 * JavaOSC's own port classes hide the sender's address, which this needs to ignore strangers, so the
 * socket is plain and JavaOSC only parses and serializes.
 *
 * <p>Feedback from any host but the DAW's is dropped and counted; datagrams that do not parse, and
 * messages the handler calls malformed, are counted and logged once per burst. Neither is fatal.
 */
final class OscLink implements AutoCloseable {
    /** Handles one message on the link's thread; {@code nanos} is when its datagram arrived. */
    interface Handler {
        void handle(OSCMessage message, long nanos) throws MalformedOscException;
    }

    private static final Logger LOG = Logger.getLogger(OscLink.class.getName());
    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final int MAX_DATAGRAM = 65_507;

    private final OscEndpoints endpoints;
    private final Handler handler;
    private final MalformedCounter malformed;
    private final OSCParser parser;
    private final ByteBuffer sendBuffer = ByteBuffer.allocate(MAX_DATAGRAM);
    private final OSCSerializer serializer;
    private final String name;
    private volatile long strangers;
    private DatagramSocket socket;
    private Thread thread;

    OscLink(String name, OscEndpoints endpoints, Handler handler) {
        this.name = name;
        this.endpoints = endpoints;
        this.handler = handler;
        this.malformed = new MalformedCounter(LOG, name);
        OSCSerializerAndParserBuilder builder = new OSCSerializerAndParserBuilder();
        this.parser = builder.buildParser();
        this.serializer = builder.buildSerializer(new BufferBytesReceiver(sendBuffer));
    }

    /** Binds the socket and starts the receiving thread; the owner's thread, once. */
    void start() throws IOException {
        try {
            socket = new DatagramSocket(endpoints.bindAddress());
        } catch (SocketException e) {
            throw new IOException("cannot listen for " + name + " feedback on UDP " + endpoints.bindAddress()
                    + " (is another program using the port?): " + e.getMessage(), e);
        }
        thread = new Thread(this::receiveLoop, "v2m-transport-" + name + "-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    /** The bound local port (the one the DAW must send feedback to); after {@link #start()}. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** Sends one message to the DAW; any thread (serialization is shared, so this is synchronized). */
    synchronized void send(String address, Object... args) throws IOException {
        sendBuffer.clear();
        try {
            serializer.write(new OSCMessage(address, List.of(args)));
        } catch (OSCSerializeException e) {
            throw new IOException("cannot encode " + address + ": " + e.getMessage(), e);
        }
        socket.send(new DatagramPacket(sendBuffer.array(), sendBuffer.position(), endpoints.daw()));
    }

    long malformedCount() {
        return malformed.count();
    }

    /** Datagrams dropped because they came from a host other than the DAW's. */
    long strangerCount() {
        return strangers;
    }

    /** Whether a datagram from {@code sender} is taken: only the DAW's host may drive the transport. */
    boolean accepts(InetAddress sender) {
        return endpoints.daw().getAddress().equals(sender);
    }

    private void receiveLoop() {
        byte[] buffer = new byte[MAX_DATAGRAM];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.WARNING, name + ": receive failed, stopping", e);
                }
                return;
            }
            long nanos = System.nanoTime();
            if (!accepts(datagram.getAddress())) {
                strangers++;
                continue;
            }
            handleDatagram(ByteBuffer.wrap(buffer, 0, datagram.getLength()), nanos);
        }
    }

    private void handleDatagram(ByteBuffer bytes, long nanos) {
        try {
            dispatch(parser.convert(bytes), nanos);
        } catch (OSCParseException | MalformedOscException e) {
            malformed.record(e.getMessage(), nanos);
        } catch (RuntimeException e) {
            // JavaOSC throws unchecked exceptions on some truncated packets; garbage is never fatal.
            malformed.record(e.toString(), nanos);
        }
    }

    private void dispatch(OSCPacket packet, long nanos) throws MalformedOscException {
        if (packet instanceof OSCBundle bundle) {
            for (OSCPacket inner : bundle.getPackets()) {
                dispatch(inner, nanos);
            }
        } else if (packet instanceof OSCMessage message) {
            handler.handle(message, nanos);
        }
    }

    /** Closes the socket, which ends the receiving thread; waits up to 1 s for it. Any thread. */
    @Override
    public void close() {
        if (socket == null) {
            return;
        }
        socket.close();
        if (thread != Thread.currentThread()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
