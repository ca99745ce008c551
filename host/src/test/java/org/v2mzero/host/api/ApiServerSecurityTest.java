package org.v2mzero.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2mzero.host.api.HttpProbe.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.daemon.OpenSession;
import org.v2mzero.protocol.BadInputException;

/** Binding, the token, the DNS-rebinding and cross-site guards. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerSecurityTest {
    private static final String TOKEN = "s3cret-token";
    private final InMemoryDaemon daemon = new InMemoryDaemon();
    private ApiServer server;
    private HttpProbe http;
    @TempDir
    Path dir;

    private void start(ApiConfig config) throws Exception {
        server = ApiServer.start(daemon, config);
        http = new HttpProbe(server.port());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertError(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals(status, body.get("status").asInt());
        assertFalse(body.get("error").asText().isBlank());
        assertFalse(body.get("error").asText().contains("\n"));
    }

    @Test
    void loopbackIsTheDefault() {
        assertEquals("127.0.0.1", ApiConfig.loopback(0).host());
        assertEquals(null, ApiConfig.loopback(0).token());
        assertEquals(64 * 1024, ApiConfig.loopback(0).maxRequestBytes());
        assertFalse(ApiConfig.loopback(0).withToken(TOKEN).toString().contains(TOKEN), "the token stays out of logs");
    }

    @Test
    void aNonLoopbackAddressWithoutATokenIsRefusedInOneLine() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ApiServer.start(daemon, new ApiConfig("0.0.0.0", 0, null, 1024)));
        assertTrue(e.getMessage().contains("0.0.0.0") && e.getMessage().contains("token"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aNonLoopbackAddressWithATokenServesTokenHolders() throws Exception {
        start(new ApiConfig("0.0.0.0", 0, TOKEN, 1024));
        assertError(401, http.get("/api/sessions"));
        assertEquals(200, http.get("/api/sessions", "Authorization", "Bearer " + TOKEN).statusCode());
    }

    @Test
    void withATokenEveryApiRequestNeedsIt() throws Exception {
        start(ApiConfig.loopback(0).withToken(TOKEN));
        HttpResponse<String> none = http.get("/api/sessions");
        assertError(401, none);
        assertEquals("Bearer", none.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertError(401, http.get("/api/sessions", "Authorization", "Bearer wrong"));
        assertError(401, http.get("/api/sessions", "Authorization", "Bearer " + TOKEN + "x"));
        assertError(401, http.get("/api/sessions", "Authorization", "Basic " + TOKEN));
        assertError(401, http.send("POST", "/api/sessions", "{\"path\": \"/videos/a.mp4\"}"));
        assertStatus(401, http.get("/api/nothing-here"), "no route is revealed without the token");
        assertEquals(0, daemon.sessions().size());

        assertEquals(200, http.get("/api/sessions", "Authorization", "Bearer " + TOKEN).statusCode());
        assertEquals(200, http.get("/api/stats", "authorization", "bearer " + TOKEN).statusCode());
        assertEquals(6, server.badRequests());
    }

    private static void assertStatus(int status, HttpResponse<String> response, String why) {
        assertEquals(status, response.statusCode(), why + ": " + response.body());
    }

    @Test
    void theQueryTokenOpensOnlyWhatABrowserLoadsItself() throws Exception {
        start(ApiConfig.loopback(0).withToken(TOKEN));
        daemon.openSession(new OpenSession("/videos/a.mp4", null, null, null));
        Path wav = Files.write(dir.resolve("mix.wav"), new byte[] {1, 2, 3});
        daemon.addTake("s1", "t1", Map.of("mix.wav", wav));

        assertStatus(401, http.get("/api/sessions?token=" + TOKEN), "JSON routes need the header");
        assertStatus(401, http.get("/api/takes/t1/files/mix.wav?token=wrong"), "a wrong query token");
        assertEquals(200, http.get("/api/takes/t1/files/mix.wav?token=" + TOKEN).statusCode(), "an <audio> src");

        ExecutionException e = assertThrows(ExecutionException.class, () -> events(http, "", null, null));
        assertEquals(401, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());

        WebSocket viaQuery = events(http, "?token=" + TOKEN, null, null);
        assertTrue(daemon.awaitSubscribers(1, HttpProbe.TIMEOUT));
        viaQuery.abort();
        assertTrue(daemon.awaitSubscribers(0, HttpProbe.TIMEOUT));
        WebSocket viaHeader = events(http, "", "Authorization", "Bearer " + TOKEN);
        assertTrue(daemon.awaitSubscribers(1, HttpProbe.TIMEOUT));
        viaHeader.abort();
    }

    @Test
    void thePanelsFilesNeedNoToken() throws Exception {
        start(ApiConfig.loopback(0).withToken(TOKEN));
        assertEquals(200, http.get("/").statusCode());
        assertEquals(200, http.get("/panel/index.html").statusCode());
    }

    @Test
    void aForeignHostHeaderIsRefusedOnLoopback() throws Exception {
        start(ApiConfig.loopback(0));
        int port = server.port();
        for (String host : new String[] {"evil.example", "evil.example:" + port, "127.0.0.1.evil.example",
                "localhost.evil.example:" + port, "10.0.0.5:" + port, "127.0.0.1:80x"}) {
            HttpProbe.Raw r = http.raw("GET /api/sessions HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertEquals(403, r.status(), host + ": " + r.head());
            assertTrue(r.body().contains("\"status\" : 403"), r.body());
        }
        HttpProbe.Raw missing = http.raw("GET / HTTP/1.0\r\n\r\n");
        assertEquals(403, missing.status(), "no Host at all");
        assertEquals(403, http.raw("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n").status(),
                "the panel too");
        for (String host : new String[] {"localhost", "LOCALHOST:" + port, "127.0.0.1:" + port, "[::1]:" + port,
                "[::1]"}) {
            HttpProbe.Raw r = http.raw("GET /api/sessions HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
            assertEquals(200, r.status(), host + ": " + r.head());
        }
        assertEquals(8, server.badRequests());
    }

    @Test
    void aCrossSiteRequestIsRefused() throws Exception {
        start(ApiConfig.loopback(0));
        String body = "{\"path\": \"/videos/a.mp4\"}";
        assertError(403, http.send("POST", "/api/sessions", body, "Origin", "http://evil.example"));
        assertError(403, http.send("POST", "/api/sessions", body, "Origin", "null"));
        assertError(403, http.send("POST", "/api/sessions", body, "Origin", "http://127.0.0.1:1"));
        assertEquals(0, daemon.sessions().size());
        assertEquals(201, http.send("POST", "/api/sessions", body, "Origin", "http://127.0.0.1:" + http.port)
                .statusCode(), "the panel's own page");

        ExecutionException e = assertThrows(ExecutionException.class,
                () -> events(http, "", "Origin", "http://evil.example"));
        assertEquals(403, ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode());
        assertEquals(0, daemon.subscribers());
    }

    /** A WebSocket to /api/events with the query and one header ({@code null} name for none). */
    private static WebSocket events(HttpProbe http, String query, String headerName, String headerValue)
            throws Exception {
        WebSocket.Builder builder = http.client.newWebSocketBuilder();
        if (headerName != null) {
            builder.header(headerName, headerValue);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + http.port + "/api/events" + query),
                new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
    }
}
