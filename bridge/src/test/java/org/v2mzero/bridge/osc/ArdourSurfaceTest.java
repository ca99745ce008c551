package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The strip and record feedback exactly as Ardour 7.3 sent it to a {@code /set_surface/feedback 3185}
 * subscriber (captured from the real program, see ArdourRecordingTest): {@code /strip/name i s},
 * {@code /strip/recenable i f}, {@code /rec_enable_toggle f}, {@code /session_name s}.
 */
class ArdourSurfaceTest {
    private static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, List.of(args));
    }

    @Test
    void keepsStripNamesArmsAndTheSessionsRecordState() throws Exception {
        ArdourSurface surface = new ArdourSurface();
        assertTrue(surface.sessionName().isEmpty());
        assertTrue(surface.handle(msg("/strip/name", 2, "Bass Line")));
        assertTrue(surface.handle(msg("/strip/name", 1, "Drums")));
        assertTrue(surface.handle(msg("/strip/recenable", 1, 1.0f)));
        assertTrue(surface.handle(msg("/rec_enable_toggle", 1.0f)));
        assertTrue(surface.handle(msg("/session_name", "rec")));
        assertFalse(surface.handle(msg("/strip/mute", 1, 0.0f)), "not ours: ignored, not malformed");

        assertEquals(Map.of(1, "Drums", 2, "Bass Line"), surface.strips());
        assertEquals(List.of(1, 2), List.copyOf(surface.strips().keySet()), "in strip order");
        assertTrue(surface.armed(1));
        assertFalse(surface.armed(2));
        assertFalse(surface.armed(7), "a strip never reported is not armed");
        assertTrue(surface.sessionRecordEnabled());
        assertEquals("rec", surface.sessionName().orElseThrow());
        surface.handle(msg("/rec_enable_toggle", 0.0f));
        assertFalse(surface.sessionRecordEnabled());
    }

    @Test
    void refusesStripIdsThatAreNoStrip() {
        ArdourSurface surface = new ArdourSurface();
        MalformedOscException zero = assertThrows(MalformedOscException.class,
                () -> surface.handle(msg("/strip/recenable", 0, 1.0f)));
        assertEquals("/strip/recenable argument 0 : 0.0 (expected: a strip id >= 1)", zero.getMessage());
        assertThrows(MalformedOscException.class, () -> surface.handle(msg("/strip/name", 1.5f, "x")));
        assertThrows(MalformedOscException.class, () -> surface.handle(msg("/strip/name", 1)));
    }

    @Test
    void awaitWakesOnFeedbackAndGivesUpAfterItsTimeout() throws Exception {
        ArdourSurface surface = new ArdourSurface();
        assertFalse(surface.await(() -> surface.armed(1), Duration.ofMillis(30)));
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return surface.await(() -> surface.armed(1), Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
        surface.handle(msg("/strip/recenable", 1, 1.0f));
        surface.changed();
        assertTrue(waiting.get());
    }
}
