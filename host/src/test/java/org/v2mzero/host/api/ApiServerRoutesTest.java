package org.v2mzero.host.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.v2mzero.host.api.HttpProbe.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.daemon.TakeRequest;

/** Every route's happy path, against a real server on an ephemeral loopback port. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiServerRoutesTest {
    private final InMemoryDaemon daemon = new InMemoryDaemon();
    private ApiServer server;
    private HttpProbe http;
    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        server = ApiServer.start(daemon, ApiConfig.loopback(0));
        http = new HttpProbe(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String openSession(String path) throws Exception {
        HttpResponse<String> r = http.send("POST", "/api/sessions", "{\"path\": \"" + path + "\", \"prompt\": \"dark\"}");
        assertEquals(201, r.statusCode(), r.body());
        String id = json(r).get("id").asText();
        assertEquals("/api/sessions/" + id, r.headers().firstValue("Location").orElseThrow());
        return id;
    }

    @Test
    void sessionsAreOpenedListedReadAndClosed() throws Exception {
        assertEquals(0, json(http.get("/api/sessions")).size());
        String id = openSession("/videos/a.mp4");
        HttpResponse<String> created = http.send("POST", "/api/sessions", "{\"path\": \"/videos/a.mp4\"}");
        assertEquals(id, json(created).get("id").asText(), "opening an open path returns its session");

        HttpResponse<String> list = http.get("/api/sessions");
        assertEquals(200, list.statusCode());
        assertTrue(list.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode sessions = json(list);
        assertEquals(1, sessions.size());
        assertEquals("dark", sessions.get(0).get("prompt").asText());
        assertEquals("/videos/a.mp4", json(http.get("/api/sessions/" + id)).get("video").asText());

        HttpResponse<String> closed = http.send("DELETE", "/api/sessions/" + id, null);
        assertEquals(204, closed.statusCode());
        assertEquals("", closed.body());
        assertEquals(0, json(http.get("/api/sessions")).size());
    }

    @Test
    void curveIsTheDaemonsAnalysis() throws Exception {
        String id = openSession("/videos/a.mp4");
        JsonNode curve = json(http.get("/api/sessions/" + id + "/curve"));
        assertEquals(10.0, curve.get("duration").asDouble());
        assertEquals(2.5, curve.get("hits").get(0).get("strength").asDouble());
        assertEquals(4.0, curve.get("cuts").get(0).asDouble());
        assertEquals(3, curve.get("curve").get("times").size());
    }

    @Test
    void promptAndCurrentTakeAreSet() throws Exception {
        String id = openSession("/videos/a.mp4");
        HttpResponse<String> prompt = http.send("PUT", "/api/sessions/" + id + "/prompt", "{\"prompt\": \"lighter\"}");
        assertEquals(200, prompt.statusCode(), prompt.body());
        assertEquals("lighter", json(prompt).get("prompt").asText());

        daemon.addTake(id, "t1", Map.of());
        HttpResponse<String> current = http.send("PUT", "/api/sessions/" + id + "/current", "{\"takeId\": \"t1\"}");
        assertEquals(200, current.statusCode(), current.body());
        assertEquals("t1", json(current).get("currentTakeId").asText());
    }

    @Test
    void takesAreRequestedAndListedAndJobsRead() throws Exception {
        String id = openSession("/videos/a.mp4");
        HttpResponse<String> queued = http.send("POST", "/api/sessions/" + id + "/takes",
                "{\"prompt\": \"tense\", \"seed\": 42, \"stems\": [\"drums\", \"bass\"], \"startSeconds\": 2.0, "
                        + "\"fromPlayhead\": false}");
        assertEquals(202, queued.statusCode(), queued.body());
        JsonNode job = json(queued);
        assertEquals("queued", job.get("state").asText());
        assertEquals("/api/jobs/" + job.get("id").asText(), queued.headers().firstValue("Location").orElseThrow());
        TakeRequest asked = daemon.takeRequests().get(0);
        assertEquals(new TakeRequest("tense", 42L, List.of("drums", "bass"), 2.0, null, false, null), asked);

        assertEquals(id, json(http.get("/api/jobs/" + job.get("id").asText())).get("sessionId").asText());

        daemon.addTake(id, "t1", Map.of());
        daemon.addTake(id, "t2", Map.of());
        JsonNode takes = json(http.get("/api/sessions/" + id + "/takes"));
        assertEquals(2, takes.size());
        assertEquals("t2", takes.get(1).get("takeId").asText());
        JsonNode take = json(http.get("/api/takes/t1"));
        assertEquals("t1", take.get("takeId").asText());
        assertEquals("drums.wav", take.get("stems").get(0).get("wav").asText());
    }

    @Test
    void takeFileIsServed() throws Exception {
        String id = openSession("/videos/a.mp4");
        Path mid = Files.write(dir.resolve("score.mid"), new byte[] {'M', 'T', 'h', 'd'});
        daemon.addTake(id, "t1", Map.of("score.mid", mid));
        HttpResponse<byte[]> r = http.getBytes("/api/takes/t1/files/score.mid");
        assertEquals(200, r.statusCode());
        assertEquals("audio/midi", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("MThd", new String(r.body()));
    }

    @Test
    void transportAndStats() throws Exception {
        JsonNode transport = json(http.get("/api/transport"));
        assertEquals("jack", transport.get("source").asText());
        assertTrue(transport.get("rolling").asBoolean());
        assertEquals("t1", transport.get("playingTake").asText());

        assertEquals(404, http.get("/api/nothing").statusCode());
        assertEquals(404, http.get("/api/sessions/none").statusCode());
        JsonNode stats = json(http.get("/api/stats"));
        assertEquals(InMemoryDaemon.STATS.badRequests() + 2, stats.get("badRequests").asLong(),
                "the daemon's count plus this server's two 404s");
        assertEquals(InMemoryDaemon.STATS.ignoredOsc(), stats.get("ignoredOsc").asLong());
        assertEquals(InMemoryDaemon.STATS.xruns(), stats.get("xruns").asLong());
        assertEquals(InMemoryDaemon.STATS.takesMade(), stats.get("takesMade").asLong());
        assertEquals(InMemoryDaemon.STATS.jobsFailed(), stats.get("jobsFailed").asLong());
    }

    @Test
    void panelIndexIsServedAtRootAndUnderPanel() throws Exception {
        HttpResponse<String> root = http.get("/");
        assertEquals(200, root.statusCode());
        assertEquals("text/html; charset=utf-8", root.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(root.body().contains("<script src=\"/panel/panel.js\">"), root.body());
        assertEquals(root.body(), http.get("/panel/index.html").body());
        HttpResponse<String> script = http.get("/panel/panel.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"),
                script.headers().toString());
        assertEquals(200, http.get("/panel/panel.css").statusCode());

        HttpResponse<String> missing = http.get("/panel/panel-that-is-not-there.js");
        assertEquals(404, missing.statusCode());
        assertEquals(404, json(missing).get("status").asInt());
    }

    @Test
    void closeIsIdempotentAndFreesThePort() throws Exception {
        int port = server.port();
        server.close();
        server.close();
        server = ApiServer.start(daemon, ApiConfig.loopback(port));
        assertEquals(port, server.port());
        assertEquals(200, new HttpProbe(port).get("/api/sessions").statusCode());
    }

    @Test
    void aTakenPortIsOneClearLine() {
        IOException e = assertThrows(IOException.class, () -> ApiServer.start(daemon, ApiConfig.loopback(server.port())));
        assertTrue(e.getMessage().startsWith("cannot serve the API on 127.0.0.1:" + server.port() + ": "),
                e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
