package org.v2mzero.bridge.ardour;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Passes the datagrams sent to it on to a DAW's OSC port on loopback, keeping the address of each: what
 * lets a test see which control messages reached a real program that does not say. The DAW's replies do not
 * come back through it: Ardour answers on port 8000 of the sender's host, not to the sending port.
 *
 * <p>Threads: forwards on a thread of its own; {@link #seen()} and {@link #close()} from any thread.
 */
final class OscRelay implements AutoCloseable {
    private final DatagramSocket socket;
    private final InetSocketAddress daw;
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> typed = new CopyOnWriteArrayList<>();
    private final Thread thread;

    OscRelay(int dawPort) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        socket = new DatagramSocket(new InetSocketAddress(loopback, 0));
        daw = new InetSocketAddress(loopback, dawPort);
        thread = new Thread(this::forward, "osc-relay-" + dawPort);
        thread.setDaemon(true);
        thread.start();
    }

    /** Where to send: this relay's loopback address. */
    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** The OSC addresses passed on, oldest first. */
    List<String> seen() {
        return seen;
    }

    /** The messages passed on as address and type tags, e.g. {@code /locate ,ii}, oldest first. */
    List<String> typed() {
        return typed;
    }

    private void forward() {
        byte[] buffer = new byte[65_507];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                datagram.setLength(buffer.length);
                socket.receive(datagram);
                if (datagram.getPort() == daw.getPort()) {
                    continue; // the DAW answering the sending port after all: never back to the DAW
                }
                String address = string(buffer, 0, datagram.getLength());
                seen.add(address);
                typed.add(address + " " + string(buffer, (address.length() / 4 + 1) * 4, datagram.getLength()));
                socket.send(new DatagramPacket(buffer, datagram.getLength(), daw));
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    seen.add("(relay failed: " + e.getMessage() + ")"); // shows in the test's assertion message
                }
                return;
            }
        }
    }

    /**
     * The NUL-terminated string at {@code start}: an OSC message is its address, then its type tags (each
     * padded to 4 bytes), then the arguments.
     */
    private static String string(byte[] bytes, int start, int length) {
        int end = start;
        while (end < length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, Math.max(0, end - start), StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
