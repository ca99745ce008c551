package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.osc.OscTestClient;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.BadInputException;

/**
 * The daemon under load, on loopback only and bounded in count and time: concurrent API clients read
 * sessions, takes, curves, stats and a take's MIDI while event sockets stay open, malformed HTTP and
 * malformed OSC are thrown at it, and a take is requested in the middle of it all. Every good request
 * must get its right answer, every bad one a 4xx that is counted, every bad datagram must be ignored and
 * counted, and the take must still be made. The numbers it prints are the README's ("Load").
 */
class DaemonLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENTS = 8;
    private static final int REQUESTS_PER_CLIENT = 250;
    private static final int EVENT_SOCKETS = 4;
    private static final int BAD_HTTP = 200;
    private static final int BAD_OSC = 1_000;
    /** Bad datagrams sent before waiting for them to be counted: a burst must fit the socket's buffer. */
    private static final int OSC_BATCH = 50;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void answersEveryGoodRequestRefusesAndCountsEveryBadOneAndStillMakesTakes() throws Exception {
        Path clip = dir.resolve("reel.mp4");
        SyntheticClip.write(clip, 5.0, List.of(1.5, 3.0));
        try (DaemonServer server = DaemonServer.start(config()); ApiClient api = ApiClient.of(server)) {
            String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
            long alone = System.nanoTime();
            String take = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 1)));
            double aloneSeconds = (System.nanoTime() - alone) / 1e9;
            byte[] midi = api.bytes("/api/takes/" + take + "/files/score.mid");
            List<String> paths = List.of("/api/sessions", "/api/sessions/" + session, "/api/sessions/" + session
                    + "/takes", "/api/sessions/" + session + "/curve", "/api/takes/" + take, "/api/stats",
                    "/api/transport", "/api/takes/" + take + "/files/score.mid");

            List<ApiClient> sockets = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 2);
            try {
                for (int i = 0; i < EVENT_SOCKETS; i++) {
                    sockets.add(ApiClient.of(server));
                }
                CountDownLatch go = new CountDownLatch(1);
                List<String> wrong = Collections.synchronizedList(new ArrayList<>());
                long[][] latencies = new long[CLIENTS][];
                List<Future<?>> work = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    work.add(pool.submit(() -> {
                        go.await();
                        latencies[client] = readMany(server.apiPort(), paths, client, midi, wrong);
                        return null;
                    }));
                }
                Map<Integer, AtomicInteger> badStatuses = new ConcurrentHashMap<>();
                work.add(pool.submit(() -> {
                    go.await();
                    sendBadHttp(server.apiPort(), session, badStatuses);
                    return null;
                }));
                work.add(pool.submit(() -> {
                    go.await();
                    sendBadOsc(server);
                    return null;
                }));

                long started = System.nanoTime();
                go.countDown();
                long loaded = System.nanoTime();
                String second = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 2)));
                double loadedSeconds = (System.nanoTime() - loaded) / 1e9;
                for (Future<?> f : work) {
                    f.get(150, TimeUnit.SECONDS);
                }
                double wallSeconds = (System.nanoTime() - started) / 1e9;

                assertEquals(List.of(), wrong, "every good request answered right");
                assertEquals(Map.of(400, BAD_HTTP / 4 * 3, 413, BAD_HTTP / 4), counts(badStatuses));
                JsonNode stats = api.get("/api/stats");
                assertEquals(BAD_HTTP, stats.path("badRequests").asLong(), "every bad request counted: " + stats);
                assertEquals(BAD_OSC, stats.path("ignoredOsc").asLong(), "every bad datagram counted: " + stats);
                assertEquals(2, stats.path("takesMade").asLong(), stats.toString());
                assertTrue(!second.equals(take), "a second take, made under load");
                for (ApiClient socket : sockets) {
                    socket.awaitEvent("the take made under load, on every event socket",
                            e -> e.path("type").asText().equals("take")
                                    && second.equals(e.path("data").path("takeId").asText()));
                }
                try (OscTestClient surface = new OscTestClient("127.0.0.1", server.oscPort())) {
                    surface.send("/v2m/ping");
                    OSCMessage pong = surface.receive();
                    assertEquals("/v2m/pong", pong.getAddress(), "the OSC surface still answers");
                }

                long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
                System.out.printf("DaemonLoadTest: %d good requests from %d clients (+%d event sockets) in %.2f s"
                        + " with %d bad HTTP requests and %d bad OSC datagrams beside them: %.0f requests/s,"
                        + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; a take took %.1f s alone, %.1f s"
                        + " under this load%n", all.length, CLIENTS, EVENT_SOCKETS, wallSeconds, BAD_HTTP,
                        BAD_OSC, all.length / wallSeconds, ms(all, 0.50), ms(all, 0.99), all[all.length - 1] / 1e6,
                        aloneSeconds, loadedSeconds);
            } finally {
                pool.shutdownNow();
                sockets.forEach(ApiClient::close);
            }
        }
    }

    /** One client's reads: each answer checked, each wrong one noted; returns the latencies in ns. */
    private static long[] readMany(int port, List<String> paths, int client, byte[] midi, List<String> wrong)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        long[] latencies = new long[REQUESTS_PER_CLIENT];
        for (int i = 0; i < REQUESTS_PER_CLIENT; i++) {
            String path = paths.get((i + client) % paths.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(TIMEOUT).build();
            long sent = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            latencies[i] = System.nanoTime() - sent;
            String problem = problem(path, response, midi);
            if (problem != null) {
                wrong.add("client " + client + ", request " + i + ": GET " + path + " -> " + problem);
            }
        }
        return latencies;
    }

    private static String problem(String path, HttpResponse<byte[]> response, byte[] midi) throws IOException {
        if (response.statusCode() != 200) {
            return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
        }
        if (path.endsWith(".mid")) {
            return Arrays.equals(response.body(), midi) ? null : response.body().length + " bytes, not the "
                    + midi.length + " of score.mid";
        }
        JsonNode body = JSON.readTree(response.body());
        return body.isContainerNode() && !body.isEmpty() ? null : "empty answer " + body;
    }

    /** Four kinds of bad request in turn: bad JSON, a body over the limit, garbage, a path out of the take. */
    private static void sendBadHttp(int port, String session, Map<Integer, AtomicInteger> statuses)
            throws IOException {
        String oversize = "{\"prompt\": \"" + "x".repeat(100 * 1024) + "\"}";
        for (int i = 0; i < BAD_HTTP; i++) {
            String request = switch (i % 4) {
                case 0 -> post("/api/sessions/" + session + "/takes", "{\"seed\": \"" + i);
                case 1 -> post("/api/sessions/" + session + "/takes", oversize);
                case 2 -> "GARBAGE " + i + "\r\n\r\n";
                default -> "GET /api/takes/t1/files/..%2f" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Connection: close\r\n\r\n";
            };
            statuses.computeIfAbsent(rawStatus(port, request), s -> new AtomicInteger()).incrementAndGet();
        }
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
    }

    /** Writes the bytes as they are on a fresh connection and returns the status the server answers. */
    private static int rawStatus(int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) TIMEOUT.toMillis());
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] head = in.readNBytes(12); // "HTTP/1.1 400"
            return Integer.parseInt(new String(head, StandardCharsets.ISO_8859_1).substring(9, 12));
        }
    }

    /**
     * Random bytes and truncated OSC messages, in batches that each wait until the daemon has counted them:
     * loopback UDP drops what overflows the receive buffer, and a dropped datagram proves nothing.
     */
    private static void sendBadOsc(DaemonServer server) throws Exception {
        Random random = new Random(7);
        byte[] truncated = "/v2m/regenerate\0,ff\0".getBytes(StandardCharsets.ISO_8859_1); // two floats promised
        try (OscTestClient sender = new OscTestClient("127.0.0.1", server.oscPort())) {
            for (int sent = 0; sent < BAD_OSC; ) {
                for (int i = 0; i < OSC_BATCH; i++, sent++) {
                    byte[] junk = new byte[1 + random.nextInt(200)];
                    random.nextBytes(junk);
                    sender.sendRaw(sent % 2 == 0 ? junk : truncated);
                }
                long counted = sent;
                long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (server.daemon().stats().ignoredOsc() < counted && System.nanoTime() < deadline) {
                    Thread.sleep(2);
                }
            }
        }
    }

    private static Map<Integer, Integer> counts(Map<Integer, AtomicInteger> statuses) {
        Map<Integer, Integer> plain = new TreeMap<>();
        statuses.forEach((status, n) -> plain.put(status, n.get()));
        return plain;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private DaemonConfig config() throws BadInputException {
        return new DaemonConfig(dir.resolve("takes").toString(), null, "none", null, null, null, null, 0, null, 0,
                null, null, null, "gentle solo piano").validated();
    }
}
