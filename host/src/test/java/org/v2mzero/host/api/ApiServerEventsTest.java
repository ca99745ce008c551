package org.v2mzero.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.v2mzero.host.daemon.DaemonEvent;
import org.v2mzero.host.daemon.JobInfo;
import org.v2mzero.host.daemon.SessionInfo;

/** {@code /api/events}: the daemon's events as WebSocket text frames, one subscription per socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final InMemoryDaemon daemon = new InMemoryDaemon();
    private ApiServer server;
    private HttpProbe http;

    @BeforeEach
    void start() throws Exception {
        server = ApiServer.start(daemon, ApiConfig.loopback(0));
        http = new HttpProbe(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Collects whole text messages and the close code. */
    private static final class Collector implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        private StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial = new StringBuilder();
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closes.add(statusCode);
            return null;
        }

        JsonNode next() throws Exception {
            String text = messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(text, "no event within 10 s");
            return JSON.readTree(text);
        }
    }

    private WebSocket connect(Collector collector) throws Exception {
        return http.client.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/events"), collector)
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void aClientHearsEventsPublishedAfterItConnectsAndItsSubscriptionEndsWithIt() throws Exception {
        daemon.publish(new DaemonEvent(DaemonEvent.ERROR, "before anyone listened"));
        Collector collector = new Collector();
        WebSocket ws = connect(collector);
        assertTrue(daemon.awaitSubscribers(1, HttpProbe.TIMEOUT));

        daemon.publish(new DaemonEvent(DaemonEvent.PROGRESS,
                new JobInfo("j1", "s1", "running", "rendering 5 stems", 0.5, null, null)));
        daemon.publish(new DaemonEvent(DaemonEvent.CURRENT,
                new SessionInfo("s1", "/v/a.mp4", "/v/a.mp4", 0, 0, 10, "dark", "t1")));
        daemon.publish(new DaemonEvent(DaemonEvent.ERROR, "take j2 failed: no soundfont"));

        JsonNode progress = collector.next();
        assertEquals("progress", progress.get("type").asText());
        assertEquals("j1", progress.get("data").get("id").asText());
        assertEquals(0.5, progress.get("data").get("progress").asDouble());
        JsonNode current = collector.next();
        assertEquals("current", current.get("type").asText());
        assertEquals("t1", current.get("data").get("currentTakeId").asText());
        JsonNode error = collector.next();
        assertEquals("take j2 failed: no soundfont", error.get("data").asText());
        assertEquals(null, collector.messages.poll(), "nothing from before it connected");

        ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
        assertTrue(daemon.awaitSubscribers(0, HttpProbe.TIMEOUT), "the subscription is released on close");
    }

    @Test
    void everyClientHasItsOwnSubscriptionAndADroppedOneIsReleased() throws Exception {
        Collector first = new Collector();
        Collector second = new Collector();
        WebSocket a = connect(first);
        WebSocket b = connect(second);
        assertTrue(daemon.awaitSubscribers(2, HttpProbe.TIMEOUT));
        daemon.publish(new DaemonEvent(DaemonEvent.TAKE, new JobInfo("j1", "s1", "done", "done", 1, "t1", null)));
        assertEquals("t1", first.next().get("data").get("takeId").asText());
        assertEquals("t1", second.next().get("data").get("takeId").asText());

        a.abort(); // no close handshake: the TCP connection just ends
        assertTrue(daemon.awaitSubscribers(1, HttpProbe.TIMEOUT));
        daemon.publish(new DaemonEvent(DaemonEvent.ERROR, "still here"));
        assertEquals("still here", second.next().get("data").asText());
        b.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        assertTrue(daemon.awaitSubscribers(0, HttpProbe.TIMEOUT));
    }

    @Test
    void closingTheServerSaysGoingAway() throws Exception {
        Collector collector = new Collector();
        connect(collector);
        assertTrue(daemon.awaitSubscribers(1, HttpProbe.TIMEOUT));
        server.close();
        assertEquals(1001, collector.closes.poll(10, TimeUnit.SECONDS));
        assertTrue(daemon.awaitSubscribers(0, HttpProbe.TIMEOUT));
    }

    /**
     * A daemon call that takes long (opening a video analyses it first) runs on a call thread: meanwhile other
     * clients' requests are answered and events keep flowing.
     */
    @Test
    void aLongDaemonCallStallsNeitherOtherRequestsNorEvents() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        daemon.holdOpenSessions(gate, entered);
        CompletableFuture<HttpResponse<String>> opening = http.client.sendAsync(HttpRequest.newBuilder(
                http.uri("/api/sessions")).POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"/v/long.mp4\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the open call started");

        Collector collector = new Collector();
        WebSocket ws = connect(collector);
        assertTrue(daemon.awaitSubscribers(1, HttpProbe.TIMEOUT));
        assertEquals(200, http.get("/api/transport").statusCode());
        daemon.publish(new DaemonEvent(DaemonEvent.TRANSPORT, InMemoryDaemon.TRANSPORT));
        assertEquals("transport", collector.next().get("type").asText());
        assertFalse(opening.isDone());

        gate.countDown();
        assertEquals(201, opening.get(10, TimeUnit.SECONDS).statusCode());
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatIsNoWebSocketHandshakeIsRefused() throws Exception {
        assertEquals(426, http.get("/api/events").statusCode());
        assertEquals(405, http.send("POST", "/api/events", "{}").statusCode());
        HttpProbe.Raw noKey = http.raw("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade, close\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertEquals(400, noKey.status(), noKey.head());
        HttpProbe.Raw oldVersion = http.raw("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade, close\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 6\r\n\r\n");
        assertEquals(426, oldVersion.status(), oldVersion.head());
        assertTrue(oldVersion.head().contains("sec-websocket-version: 13"), oldVersion.head());
        assertEquals(4, server.badRequests());
    }

    /**
     * A client that stops reading (a raw socket that never reads after the handshake, its receive buffer small)
     * never holds up the thread that publishes: every publish returns at once, and once the client is
     * {@link EventSocket#MAX_BEHIND} events behind, its socket is closed and its subscription released, while a
     * client that reads keeps hearing every event.
     */
    @Test
    void aClientThatStopsReadingIsClosedAndNeverBlocksTheDaemon() throws Exception {
        Collector healthy = new Collector();
        WebSocket reader = connect(healthy);
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
            slow.setSoTimeout(10_000);
            slow.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertTrue(readHead(slow.getInputStream()).startsWith("HTTP/1.1 101"));
            assertTrue(daemon.awaitSubscribers(2, HttpProbe.TIMEOUT));

            String payload = "x".repeat(16 * 1024);
            long worstNanos = 0;
            int published = 0;
            while (daemon.subscribers() == 2 && published < 20_000) {
                long t0 = System.nanoTime();
                daemon.publish(new DaemonEvent(DaemonEvent.ERROR, payload));
                worstNanos = Math.max(worstNanos, System.nanoTime() - t0);
                published++;
                // The healthy client keeps up: it has each event before the next is published.
                assertNotNull(healthy.messages.poll(10, TimeUnit.SECONDS), "the reading client missed event " + published);
            }
            assertTrue(daemon.awaitSubscribers(1, Duration.ofSeconds(20)),
                    "the slow socket's subscription is released; published " + published);
            assertTrue(worstNanos < TimeUnit.SECONDS.toNanos(1), "a publish took " + worstNanos / 1e6 + " ms");
        }
        daemon.publish(new DaemonEvent(DaemonEvent.ERROR, "after"));
        assertEquals("after", healthy.next().get("data").asText(), "the reading client still hears events");
        reader.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
