package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.illposed.osc.BufferBytesReceiver;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParseException;
import com.illposed.osc.OSCSerializeException;
import com.illposed.osc.OSCSerializer;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A control surface for tests: a UDP socket on a loopback address that sends OSC with JavaOSC's
 * serializer to a server on 127.0.0.1 and reads its replies, each wait bounded.
 */
public final class OscTestClient implements AutoCloseable {
    private static final int WAIT_MILLIS = 5000;

    private final DatagramSocket socket;
    private final InetSocketAddress server;
    private final ByteBuffer out = ByteBuffer.allocate(4096);
    private final OSCSerializerAndParserBuilder builder = new OSCSerializerAndParserBuilder();
    private final OSCSerializer serializer = builder.buildSerializer(new BufferBytesReceiver(out));

    /** A client on {@code localAddress} (e.g. {@code 127.0.0.2}, a loopback address other than the default). */
    public OscTestClient(String localAddress, int serverPort) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    public int localPort() {
        return socket.getLocalPort();
    }

    public void send(String address, Object... args) throws IOException {
        send(new OSCMessage(address, List.of(args)));
    }

    public void send(OSCPacket packet) throws IOException {
        out.clear();
        try {
            serializer.write(packet);
        } catch (OSCSerializeException e) {
            throw new IOException(e);
        }
        socket.send(new DatagramPacket(out.array(), out.position(), server));
    }

    public void sendRaw(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** The next reply, waiting at most 5 s; fails if none or if it did not come from the server's port. */
    public OSCMessage receive() throws IOException {
        byte[] buffer = new byte[4096];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(WAIT_MILLIS);
        try {
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            return fail("no reply within " + WAIT_MILLIS + " ms");
        }
        assertEquals(server.getPort(), datagram.getPort(), "replies come from the server's port");
        try {
            return (OSCMessage) builder.buildParser().convert(ByteBuffer.wrap(buffer, 0, datagram.getLength()));
        } catch (OSCParseException e) {
            throw new IOException(e);
        }
    }

    /** Receives the next reply and checks its address and its one argument. */
    public void expect(String address, Object argument) throws IOException {
        OSCMessage reply = receive();
        assertEquals(address + " " + argument, reply.getAddress() + " " + reply.getArguments().get(0));
        assertEquals(1, reply.getArguments().size(), "arguments of " + address);
    }

    /** Whether a datagram arrives within {@code millis}: for proving that nothing was answered. */
    public boolean anythingWithin(int millis) throws IOException {
        socket.setSoTimeout(millis);
        try {
            socket.receive(new DatagramPacket(new byte[4096], 4096));
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
