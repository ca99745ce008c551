package org.v2mzero.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2mzero.host.api.HttpProbe.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.daemon.OpenSession;

/**
 * Bad requests: each gets its status and a one-line {@code {"error", "status"}} body, every 4xx is counted, and
 * none of them, alone or a hundred in a row, stops the server answering the next good one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerErrorsTest {
    private static final int MAX_BODY = 1024;
    private final InMemoryDaemon daemon = new InMemoryDaemon();
    private ApiServer server;
    private HttpProbe http;
    private String session;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = ApiServer.start(daemon, new ApiConfig("127.0.0.1", 0, null, MAX_BODY));
        http = new HttpProbe(server.port());
        session = daemon.openSession(new OpenSession("/videos/a.mp4", null, null, null)).id();
        Path wav = Files.write(dir.resolve("mix.wav"), new byte[] {1, 2, 3, 4});
        daemon.addTake(session, "t1", Map.of("mix.wav", wav, "gone.wav", dir.resolve("gone.wav")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The status, and a body {@code {"error": "<one line>", "status": N}}; returns the line. */
    private static String assertError(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode body = json(response);
        assertEquals(status, body.get("status").asInt(), response.body());
        String line = body.get("error").asText();
        assertFalse(line.isBlank() || line.contains("\n"), line);
        return line;
    }

    @Test
    void aBodyOverTheLimitIs413AndTheConnectionGoesOn() throws Exception {
        String big = "{\"path\": \"/videos/" + "a".repeat(MAX_BODY) + ".mp4\"}";
        assertError(413, http.send("POST", "/api/sessions", big));
        assertEquals(200, http.get("/api/sessions").statusCode());
        String justUnder = "{\"path\": \"/videos/" + "b".repeat(MAX_BODY - 30) + ".mp4\"}";
        assertTrue(justUnder.length() <= MAX_BODY);
        assertEquals(201, http.send("POST", "/api/sessions", justUnder).statusCode());

        // Chunked, no length up front: found too long while it streams.
        String chunk = "x".repeat(600);
        HttpProbe.Raw r = http.raw("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
                + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n0\r\n\r\n");
        assertEquals(413, r.status(), r.head());
        assertTrue(r.body().contains("\"status\" : 413"), r.body());

        // Expect: 100-continue: refused before the body is sent.
        HttpProbe.Raw refused = http.raw("POST /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                + (MAX_BODY + 1) + "\r\nExpect: 100-continue\r\n\r\n");
        assertEquals(413, refused.status(), refused.head());
        assertTrue(refused.body().contains("\"status\" : 413"), refused.body());
        HttpResponse<String> continued = http.client.send(HttpRequest.newBuilder(http.uri("/api/sessions"))
                .expectContinue(true).POST(HttpRequest.BodyPublishers.ofString("{\"path\": \"/videos/c.mp4\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, continued.statusCode(), continued.body());
        assertEquals(3, server.badRequests());
    }

    @Test
    void malformedJsonAndWrongTypesAre400NamingTheField() throws Exception {
        assertTrue(assertError(400, http.send("POST", "/api/sessions", "{\"path\": ")).contains("malformed JSON"));
        assertError(400, http.send("POST", "/api/sessions", "not json"));
        assertError(400, http.send("POST", "/api/sessions", ""));
        assertError(400, http.send("POST", "/api/sessions", "null"));
        assertError(400, http.send("POST", "/api/sessions", "[\"/videos/a.mp4\"]"));
        assertError(400, http.send("POST", "/api/sessions", "{\"path\": \"/videos/a.mp4\"} trailing"));
        assertTrue(assertError(400, http.send("POST", "/api/sessions", "{\"path\": \"/v/a.mp4\", \"item\": \"2\"}"))
                .contains("\"item\""));
        assertTrue(assertError(400, http.send("POST", "/api/sessions", "{\"path\": 5}")).contains("\"path\""));
        assertTrue(assertError(400, http.send("POST", "/api/sessions", "{\"path\": \"/v/a.mp4\", \"itme\": 2}"))
                .contains("unknown field \"itme\""));
        String takes = "/api/sessions/" + session + "/takes";
        assertTrue(assertError(400, http.send("POST", takes, "{\"stems\": \"drums\"}")).contains("\"stems\""));
        assertTrue(assertError(400, http.send("POST", takes, "{\"seed\": 1.5}")).contains("\"seed\""));
        assertTrue(assertError(400, http.send("POST", takes, "{\"fromPlayhead\": \"yes\"}")).contains("fromPlayhead"));
        assertTrue(assertError(400, http.send("PUT", "/api/sessions/" + session + "/prompt", "{}"))
                .contains("\"prompt\" is required"));
        assertError(400, http.send("PUT", "/api/sessions/" + session + "/current", "{\"takeId\": 3}"));
        assertEquals(14, server.badRequests());
        assertEquals(List.of(), daemon.takeRequests());
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405WithAllow() throws Exception {
        assertError(404, http.get("/api/nothing"));
        assertError(404, http.get("/api/sessions/" + session + "/nothing"));
        assertError(404, http.get("/api//sessions"));
        assertError(404, http.get("/api/sessions/"));
        assertError(404, http.get("/nothing"));
        HttpResponse<String> wrong = http.send("DELETE", "/api/sessions", null);
        assertError(405, wrong);
        assertEquals("GET, POST", wrong.headers().firstValue("Allow").orElseThrow());
        HttpResponse<String> put = http.send("PUT", "/api/transport", "{}");
        assertError(405, put);
        assertEquals("GET", put.headers().firstValue("Allow").orElseThrow());
        assertEquals("DELETE, GET", http.send("POST", "/api/sessions/" + session, "{}").headers()
                .firstValue("Allow").orElseThrow());
        assertEquals(8, server.badRequests());
    }

    @Test
    void theDaemonsExceptionsMapTo404And400() throws Exception {
        assertTrue(assertError(404, http.get("/api/sessions/s99")).contains("no session s99"));
        assertError(404, http.get("/api/jobs/j99"));
        assertError(404, http.get("/api/takes/t99"));
        assertError(404, http.get("/api/takes/t1/files/other.wav"));
        assertTrue(assertError(404, http.get("/api/takes/t1/files/gone.wav")).contains("missing"),
                "a file the take lists but the disk lacks");
        assertTrue(assertError(400, http.send("POST", "/api/sessions", "{\"path\": \"/videos/a.txt\"}"))
                .contains("not a video"));
        assertError(400, http.send("PUT", "/api/sessions/" + session + "/prompt", "{\"prompt\": \" \"}"));
        assertEquals(7, server.badRequests());
    }

    @Test
    void anyOtherExceptionIsAGeneric500AndItsTraceIsLogged() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(ApiErrors.class.getName());
        logger.addHandler(capture);
        try {
            HttpResponse<String> r = http.send("POST", "/api/sessions", "{\"path\": \"" + InMemoryDaemon.BOOM + "\"}");
            assertEquals(500, r.statusCode());
            assertEquals(ApiErrors.INTERNAL, json(r).get("error").asText());
            assertFalse(r.body().contains(InMemoryDaemon.SECRET), r.body());
            assertFalse(r.body().contains("IllegalStateException"), r.body());
        } finally {
            logger.removeHandler(capture);
        }
        LogRecord logged = records.stream().filter(rec -> rec.getLevel() == Level.WARNING).findFirst().orElseThrow();
        assertNotNull(logged.getThrown());
        assertEquals(InMemoryDaemon.SECRET, logged.getThrown().getMessage());
        assertEquals(0, server.badRequests(), "a 500 is the server's fault, not the caller's");
        assertEquals(200, http.get("/api/sessions").statusCode());
    }

    @Test
    void noPathClimbsOutOfItsFolder() throws Exception {
        for (String path : new String[] {
                "/api/takes/t1/files/..%2f..%2fetc%2fpasswd",
                "/api/takes/t1/files/..%2F..%2Fetc%2Fpasswd",
                "/api/takes/t1/files/%2e%2e",
                "/api/takes/t1/files/..",
                "/api/takes/t1/files/..%5c..%5cwin.ini",
                "/api/takes/t1/files/mix.wav%00.txt",
                "/api/takes/..%2ft1/files/mix.wav",
                "/panel/../../pom.xml",
                "/panel/..%2fApiServer.class",
                "/panel/%2e%2e/%2e%2e/pom.xml",
                "/panel/%zz"}) {
            HttpProbe.Raw r = http.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(400, r.status(), path + " -> " + r.head());
            assertTrue(r.body().contains("\"status\" : 400"), r.body());
        }
        for (String path : new String[] {"/panel/ApiServer.class", "/panel/web", "/panel/.hidden.js",
                "/panel/index.html.bak"}) {
            HttpProbe.Raw r = http.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(404, r.status(), path + " -> " + r.head());
        }
    }

    @Test
    void aHundredMalformedRequestsThenAGoodOne() throws Exception {
        String takes = "/api/sessions/" + session + "/takes";
        for (int i = 0; i < 100; i++) {
            int status = switch (i % 5) {
                case 0 -> http.send("POST", takes, "{\"seed\": \"" + i).statusCode();
                case 1 -> http.send("POST", "/api/sessions", "{\"item\": [" + i + "]}").statusCode();
                case 2 -> http.raw("GARBAGE " + i + "\r\n\r\n").status();
                case 3 -> http.raw("GET /api/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n")
                        .status();
                default -> http.get("/api/takes/t1/files/..%2f" + i).statusCode();
            };
            assertEquals(400, status, "request " + i);
        }
        assertEquals(100, server.badRequests());
        HttpResponse<String> good = http.get("/api/sessions");
        assertEquals(200, good.statusCode());
        assertEquals(session, json(good).get(0).get("id").asText());
        assertEquals(202, http.send("POST", takes, "{}").statusCode());
    }
}
