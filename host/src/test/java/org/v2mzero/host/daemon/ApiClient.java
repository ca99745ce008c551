package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test's client of a running daemon: JSON over HTTP with the JDK's client, and every WebSocket
 * event collected from the moment it connects.
 */
final class ApiClient implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 90;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    private ApiClient(String base) {
        this.base = base;
    }

    static ApiClient of(DaemonServer server) throws Exception {
        ApiClient client = new ApiClient("127.0.0.1:" + server.apiPort());
        StringBuilder partial = new StringBuilder();
        client.socket = client.http.newWebSocketBuilder().buildAsync(URI.create("ws://" + client.base + "/api/events"),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                client.events.add(JSON.readTree(partial.toString()));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        return client;
    }

    JsonNode post(String path, Object body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://" + base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    }

    JsonNode get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://" + base + path)).GET().build());
    }

    /** A file's bytes, e.g. a take's {@code score.mid}. */
    byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://" + base + path)).GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertTrue(response.statusCode() == 200, "GET " + path + " -> " + response.statusCode());
        return response.body();
    }

    private JsonNode send(HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, request.method() + " " + request.uri() + " -> "
                + response.statusCode() + " " + response.body());
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    /** Waits for the job {@code job} (as POST .../takes answered) to publish its take; returns the take id. */
    String awaitTake(JsonNode job) throws Exception {
        String id = job.path("id").asText();
        JsonNode end = awaitEvent("job " + id + " to end", e -> id.equals(e.path("data").path("id").asText())
                && (e.path("type").asText().equals("take") || "failed".equals(e.path("data").path("state").asText())));
        if (!end.path("type").asText().equals("take")) {
            fail("job " + id + " failed: " + end.path("data").path("error").asText());
        }
        return end.path("data").path("takeId").asText();
    }

    /** The first event so far or within 90 s that {@code matches}. */
    JsonNode awaitEvent(String what, Predicate<JsonNode> matches) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (JsonNode event : events) {
                if (matches.test(event)) {
                    return event;
                }
            }
            Thread.sleep(20);
        }
        fail("waited " + WAIT_SECONDS + " s for " + what + "; events: " + events.size());
        return null;
    }

    List<JsonNode> events() {
        return events;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
    }
}
