package org.v2mzero.host.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.v2mzero.protocol.testing.SharedTestData;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol with the JDK's own WebSocket
 * client: navigate, evaluate JavaScript, click like a user (real mouse events at an element's centre)
 * and take screenshots. No driver library: the protocol is a handful of JSON messages, and a WebDriver
 * stack would bring dozens of jars for the same four calls.
 *
 * <p>Started with the flags this machine needs (no sandbox as root, no GPU, background networking off,
 * or Chromium's calls to Google's hosts fail at every start) and a fresh profile. When Chromium is not
 * installed the test is skipped, or fails in CI, where {@code .ci/run} installs it.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofSeconds(20);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with a blank page and attaches to that page. */
    public static HeadlessChromium start() throws Exception {
        Path binary = SharedTestData.tool("chromium");
        Path profile = Files.createTempDirectory("v2m-chromium");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--mute-audio", "--window-size=1400,900",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        try {
            int port = devToolsPort(profile, process);
            String pageSocket = pageWebSocket(port);
            Listener listener = new Listener();
            WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener)
                    .get(STEP.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium chromium = new HeadlessChromium(process, profile, ws);
            listener.owner = chromium;
            chromium.call("Page.enable", Map.of());
            chromium.call("Runtime.enable", Map.of());
            return chromium;
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Chromium writes its DevTools port into the profile once it listens. */
    private static int devToolsPort(Path profile, Process process) throws Exception {
        Path file = profile.resolve("DevToolsActivePort");
        await("Chromium's DevToolsActivePort", () -> Files.isRegularFile(file) || !process.isAlive());
        if (!process.isAlive()) {
            fail("chromium exited: " + Files.readString(profile.resolve("chromium.log")));
        }
        await("a port in DevToolsActivePort", () -> {
            try {
                return !Files.readAllLines(file).isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
        return Integer.parseInt(Files.readAllLines(file).get(0).trim());
    }

    private static String pageWebSocket(int port) throws Exception {
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(list.body())) {
            if ("page".equals(target.path("type").asText())) {
                return target.path("webSocketDebuggerUrl").asText();
            }
        }
        throw new IllegalStateException("Chromium has no page target: " + list.body());
    }

    /** Loads {@code url} and waits until its document has loaded. */
    public void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
        waitFor("document loaded of " + url, "document.readyState === 'complete' && location.href === "
                + JSON.writeValueAsString(url));
    }

    /** The value of a JavaScript expression (promises awaited), as JSON. */
    public JsonNode evaluate(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", expression, "awaitPromise", true,
                "returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + result.path("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Waits (20 s at most) until the JavaScript expression is true. */
    public void waitFor(String what, String expression) throws Exception {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!evaluate("Boolean(" + expression + ")").asBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + STEP.toSeconds() + " s in Chromium for " + what);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Clicks the element {@code selector} finds the way a user does: mouse moved, pressed and released
     * at its centre, so the page's own event handling (hit testing, disabled buttons) decides.
     */
    public void click(String selector) throws Exception {
        JsonNode box = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector)
                + "); if (!e) return null; e.scrollIntoView(); const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        if (box.isNull() || box.isMissingNode()) {
            fail("no element " + selector + " on the page");
        }
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", box.path("x").asDouble(), "y",
                    box.path("y").asDouble(), "button", "left", "clickCount", 1));
        }
    }

    /** A PNG of the page as shown. */
    public byte[] screenshot() throws Exception {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        return Base64.getDecoder().decode(shot.path("data").asText());
    }

    private JsonNode call(String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", JSON.valueToTree(params));
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(JSON.writeValueAsString(message), true).get(STEP.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(STEP.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.path("error"));
        }
        return answer.path("result");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("waited " + STEP.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Collects each message's fragments and completes the call it answers; events are ignored. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();
        private volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String message = text.toString();
                text.setLength(0);
                try {
                    JsonNode node = JSON.readTree(message);
                    if (node.has("id") && owner != null) {
                        CompletableFuture<JsonNode> reply = owner.pending.remove(node.path("id").asInt());
                        if (reply != null) {
                            reply.complete(node);
                        }
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("DevTools sent no JSON: " + message, e);
                }
            }
            ws.request(1);
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        socket.abort();
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
