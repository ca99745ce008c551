package org.v2mzero.host.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.host.testing.HeadlessChromium;
import org.v2mzero.models.video.SyntheticClip;
import org.v2mzero.protocol.TakeManifest;

/**
 * The web panel in a real browser (Debian's Chromium, headless) against a real daemon (no JACK: the
 * panel does not need one): the page draws the session's curve with its cuts, lists the takes, and a
 * user's click on "Regenerate range" makes a new take of that range, which the page then lists.
 */
class PanelTest {
    /** The panel's colours (panel.css / panel.js): the curve and the cut markers. */
    private static final int CURVE_RGB = 0x4fc3f7;
    private static final int CUT_RGB = 0xef5350;

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void drawsTheCurveAndAClickRegeneratesARange() throws Exception {
        Path clip = dir.resolve("reel.mp4");
        SyntheticClip.write(clip, 8.0, List.of(2.0, 4.0, 6.0));
        DaemonConfig config = new DaemonConfig(dir.resolve("takes").toString(), null, "none", null, null, null,
                null, 0, null, -1, null, null, null, "gentle solo piano").validated();
        try (DaemonServer server = DaemonServer.start(config);
                ApiClient api = ApiClient.of(server);
                HeadlessChromium chromium = HeadlessChromium.start()) {
            String session = api.post("/api/sessions", Map.of("path", clip.toString())).path("id").asText();
            String first = api.awaitTake(api.post("/api/sessions/" + session + "/takes", Map.of("seed", 3)));

            chromium.navigate(server.url());
            chromium.waitFor("the panel to load the session", "document.getElementById('message').textContent === 'ready'"
                    + " && document.querySelectorAll('#takes tbody tr').length === 1");
            byte[] png = chromium.screenshot();
            Files.write(Path.of("target", "panel-test.png"), png);
            BufferedImage shot = ImageIO.read(new ByteArrayInputStream(png));

            assertTrue(pixels(shot, CURVE_RGB) > 300, "the curve is drawn: " + pixels(shot, CURVE_RGB) + " px");
            assertTrue(pixels(shot, CUT_RGB) > 3 * 100, "three cut lines are drawn: " + pixels(shot, CUT_RGB) + " px");
            assertEquals(first, chromium.evaluate("document.querySelector('#takes tbody tr').dataset.take").asText());

            chromium.evaluate("document.getElementById('start').value = '2'; document.getElementById('end').value = '6';"
                    + " document.getElementById('prompt').value = 'aggressive rock'; true");
            chromium.click("#regenerate");
            chromium.waitFor("a second take in the list", "document.querySelectorAll('#takes tbody tr').length === 2");

            List<TakeManifest> takes = server.daemon().takes(session);
            assertEquals(2, takes.size());
            TakeManifest made = takes.get(1);
            assertEquals(first, made.lineage().parentTakeId());
            assertEquals("aggressive rock", made.prompt());
            assertTrue(made.lineage().startSeconds() <= 2 && made.lineage().endSeconds() >= 6, made.lineage().toString());
            assertEquals(made.takeId(), server.daemon().session(session).currentTakeId(), "the new take is current");
            assertEquals(made.takeId(), chromium.evaluate("document.querySelector('#takes tbody tr.current').dataset.take")
                    .asText(), "the page marks it current");
        }
    }

    /** Pixels within a small distance of {@code rgb} (antialiasing blends the edges). */
    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) + Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                count += d < 40 ? 1 : 0;
            }
        }
        return count;
    }
}
