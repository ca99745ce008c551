package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control server over real UDP on loopback: clients send with JavaOSC's serializer from their own
 * ports (and loopback addresses other than 127.0.0.1 where a test needs another host) and read the
 * replies the server sends them.
 */
class OscControlServerTest {
    private final Recorder handler = new Recorder();
    private OscControlServer server;

    /** Records each call as one line; throws for the prompt "boom", as a daemon without a session would. */
    static final class Recorder implements OscControlHandler {
        final BlockingQueue<String> calls = new LinkedBlockingQueue<>();
        volatile Thread thread;

        @Override
        public String ping() {
            thread = Thread.currentThread();
            return "v2m 0.1.0";
        }

        @Override
        public void prompt(String prompt) {
            if (prompt.equals("boom")) {
                throw new IllegalStateException("no active session:\nopen one first");
            }
            calls.add("prompt " + prompt);
        }

        @Override
        public void regenerate(Double startSeconds, Double endSeconds, String prompt) {
            calls.add("regenerate " + startSeconds + " " + endSeconds + " " + prompt);
        }

        @Override
        public void makeCurrent(String takeId) {
            calls.add("take " + takeId);
        }

        String next() throws InterruptedException {
            return calls.poll(5, TimeUnit.SECONDS);
        }
    }

    private OscControlServer start(AllowedSenders allowed) throws Exception {
        server = new OscControlServer(0, allowed, handler);
        server.start();
        return server;
    }

    @AfterEach
    void close() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void eachCommandReachesTheHandlerWithItsArguments() throws Exception {
        start(AllowedSenders.loopbackOnly());
        try (OscTestClient client = new OscTestClient("127.0.0.1", server.localPort())) {
            client.send("/v2m/prompt", "dark synthwave, 100 bpm");
            client.expect("/v2m/ok", "/v2m/prompt");
            assertEquals("prompt dark synthwave, 100 bpm", handler.next());
            client.send("/v2m/regenerate");
            client.expect("/v2m/ok", "/v2m/regenerate");
            assertEquals("regenerate null null null", handler.next(), "no arguments: from the playhead");
            client.send("/v2m/regenerate", 8, 16);
            client.expect("/v2m/ok", "/v2m/regenerate");
            assertEquals("regenerate 8.0 16.0 null", handler.next(), "int seconds");
            client.send("/v2m/regenerate", 8.5f, 12.25f, "drums only");
            client.expect("/v2m/ok", "/v2m/regenerate");
            assertEquals("regenerate 8.5 12.25 drums only", handler.next(), "float seconds and a prompt");
            client.send("/v2m/take/current", "take-0042");
            client.expect("/v2m/ok", "/v2m/take/current");
            assertEquals("take take-0042", handler.next());
        }
        assertEquals(0, server.malformedMessages());
    }

    @Test
    void pingIsAnsweredWithPongAtEachSendersPort() throws Exception {
        start(AllowedSenders.loopbackOnly());
        try (OscTestClient one = new OscTestClient("127.0.0.1", server.localPort());
                OscTestClient two = new OscTestClient("127.0.0.3", server.localPort())) {
            assertNotEquals(one.localPort(), server.localPort());
            two.send("/v2m/ping");
            one.send("/v2m/ping");
            one.expect("/v2m/pong", "v2m 0.1.0");
            two.expect("/v2m/pong", "v2m 0.1.0"); // another loopback address is this machine too
            assertFalse(one.anythingWithin(100), "one pong per ping");
        }
        assertNull(handler.calls.poll());
    }

    @Test
    void malformedMessagesAreAnsweredWithAnErrorAndCounted() throws Exception {
        start(AllowedSenders.loopbackOnly());
        List<OSCMessage> bad = List.of(
                message("/v2m/prompt", 42),
                message("/v2m/prompt"),
                message("/v2m/prompt", "  "),
                message("/v2m/regenerate", 8f),
                message("/v2m/regenerate", "8", "16"),
                message("/v2m/regenerate", 16, 8),
                message("/v2m/regenerate", 8, 16, 3),
                message("/v2m/take/current", "a", "b"),
                message("/v2m/ping", 1),
                message("/v2m/stop"));
        try (OscTestClient client = new OscTestClient("127.0.0.1", server.localPort())) {
            for (OSCMessage message : bad) {
                client.send(message);
                OSCMessage reply = client.receive();
                assertEquals("/v2m/error", reply.getAddress(), "for " + message.getAddress() + message.getArguments());
                String line = (String) reply.getArguments().get(0);
                assertTrue(line.startsWith(message.getAddress()), "names the address: " + line);
            }
            client.sendRaw("this is not OSC\u0000".getBytes(StandardCharsets.US_ASCII));
            assertEquals("/v2m/error", client.receive().getAddress(), "a datagram that is not OSC");
            client.send("/v2m/regenerate", 16, 8);
            OSCMessage range = client.receive();
            assertEquals("/v2m/regenerate range : 16.0..8.0 s (expected: 0 <= start < end)",
                    range.getArguments().get(0));
        }
        assertEquals(bad.size() + 2, server.malformedMessages());
        assertNull(handler.calls.poll(), "the handler saw none of them");
    }

    @Test
    void otherAddressesAndOurOwnRepliesAreCountedButNotAnswered() throws Exception {
        start(AllowedSenders.loopbackOnly());
        try (OscTestClient client = new OscTestClient("127.0.0.1", server.localPort())) {
            client.send("/play", 1f);
            client.send("/v2m/ok", "/v2m/prompt"); // another v2m's reply: answering it could ping-pong forever
            client.send("/v2m/error", "x");
            client.send("/v2m/ping");
            client.expect("/v2m/pong", "v2m 0.1.0"); // the first reply: nothing came before it
        }
        assertEquals(3, server.foreignMessages());
        assertEquals(0, server.malformedMessages());
    }

    @Test
    void bundlesAreUnpackedAndRunInOrder() throws Exception {
        start(AllowedSenders.loopbackOnly());
        OSCBundle inner = new OSCBundle(List.<OSCPacket>of(message("/v2m/take/current", "take-7")));
        OSCBundle bundle = new OSCBundle(List.of(message("/v2m/prompt", "lo-fi"), inner, message("/v2m/regenerate")));
        try (OscTestClient client = new OscTestClient("127.0.0.1", server.localPort())) {
            client.send(bundle);
            client.expect("/v2m/ok", "/v2m/prompt");
            client.expect("/v2m/ok", "/v2m/take/current");
            client.expect("/v2m/ok", "/v2m/regenerate");
        }
        assertEquals("prompt lo-fi", handler.next());
        assertEquals("take take-7", handler.next());
        assertEquals("regenerate null null null", handler.next());
    }

    @Test
    void sendersOutsideTheAllowListAreDroppedUnansweredAndCounted() throws Exception {
        // Loopback not allowed, only 127.0.0.2: 127.0.0.1 stands for a stranger.
        start(AllowedSenders.only(List.of(InetAddress.getByName("127.0.0.2"))));
        try (OscTestClient stranger = new OscTestClient("127.0.0.1", server.localPort());
                OscTestClient allowed = new OscTestClient("127.0.0.2", server.localPort())) {
            stranger.send("/v2m/prompt", "take over");
            stranger.send("/v2m/nope");
            allowed.send("/v2m/ping"); // queued behind the stranger's datagrams on the server's socket
            allowed.expect("/v2m/pong", "v2m 0.1.0");
            assertEquals(2, server.ignoredMessages(), "both stranger datagrams were seen and dropped");
            assertFalse(stranger.anythingWithin(200), "no reply to a stranger");
        }
        assertEquals(0, server.malformedMessages());
        assertNull(handler.calls.poll(), "the handler never saw the stranger");
    }

    @Test
    void theAllowListDecidesByAddress() throws Exception {
        InetAddress studio = InetAddress.getByName("192.0.2.10");
        assertTrue(AllowedSenders.loopbackOnly().allows(InetAddress.getByName("127.0.0.5")));
        assertTrue(AllowedSenders.loopbackOnly().allows(InetAddress.getByName("::1")));
        assertFalse(AllowedSenders.loopbackOnly().allows(studio));
        assertTrue(AllowedSenders.loopbackAnd(List.of(studio)).allows(studio));
        assertTrue(AllowedSenders.loopbackAnd(List.of(studio)).allows(InetAddress.getLoopbackAddress()));
        assertFalse(AllowedSenders.only(List.of(studio)).allows(InetAddress.getLoopbackAddress()));
        assertFalse(AllowedSenders.loopbackAnd(List.of(studio)).localOnly(), "listens on all interfaces then");
    }

    @Test
    void aThrowingHandlerIsAnsweredWithAnErrorAndTheNextMessageStillWorks() throws Exception {
        start(AllowedSenders.loopbackOnly());
        try (OscTestClient client = new OscTestClient("127.0.0.1", server.localPort())) {
            client.send("/v2m/prompt", "boom");
            client.expect("/v2m/error", "/v2m/prompt failed: no active session: open one first");
            client.send("/v2m/prompt", "calm");
            client.expect("/v2m/ok", "/v2m/prompt");
        }
        assertEquals("prompt calm", handler.next());
        assertEquals(0, server.malformedMessages(), "a failing command is not malformed input");
    }

    @Test
    void closeIsIdempotentEndsTheThreadAndFreesThePort() throws Exception {
        start(AllowedSenders.loopbackOnly());
        int port = server.localPort();
        try (OscTestClient client = new OscTestClient("127.0.0.1", port)) {
            client.send("/v2m/ping");
            client.expect("/v2m/pong", "v2m 0.1.0");
        }
        server.close();
        assertFalse(handler.thread.isAlive(), "close() joined the server's thread");
        server.close();
        try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            assertEquals(port, again.getLocalPort());
        }
        assertThrows(IllegalStateException.class, server::start);
    }

    @Test
    void rejectsABadPortAndAPortInUse() throws Exception {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> new OscControlServer(70_000, handler));
        assertEquals("port : 70000 (expected: 0..65535)", bad.getMessage());
        start(AllowedSenders.loopbackOnly());
        OscControlServer second = new OscControlServer(server.localPort(), handler);
        java.io.IOException busy = assertThrows(java.io.IOException.class, second::start);
        assertTrue(busy.getMessage().startsWith("cannot listen for OSC control on UDP "), busy.getMessage());
        second.close();
    }

    private static OSCMessage message(String address, Object... args) {
        return new OSCMessage(address, List.of(args));
    }
}
