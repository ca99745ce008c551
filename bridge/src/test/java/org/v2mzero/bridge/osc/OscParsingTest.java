package org.v2mzero.bridge.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class OscParsingTest {

    private static OSCMessage msg(String address, Object... args) {
        return new OSCMessage(address, List.of(args));
    }

    @Test
    void readsNumbersOfEveryOscTypeAndFlags() throws Exception {
        assertEquals(1.5, OscArgs.number(msg("/time", 1.5f), 0));
        assertEquals(7, OscArgs.number(msg("/time", 7L), 0));
        assertTrue(OscArgs.flag(msg("/play", 1f), 0));
        assertFalse(OscArgs.flag(msg("/play", 0), 0));
        assertEquals(96_000, OscArgs.samplesText(msg("/position/samples", "96000"), 0));
    }

    @Test
    void namesAddressIndexAndTypeWhenMalformed() {
        MalformedOscException type = assertThrows(MalformedOscException.class,
                () -> OscArgs.number(msg("/time", "abc"), 0));
        assertEquals("/time argument 0 : String (expected: a number)", type.getMessage());
        MalformedOscException missing = assertThrows(MalformedOscException.class,
                () -> OscArgs.flag(msg("/play"), 0));
        assertEquals("/play has 0 arguments (expected: > 0)", missing.getMessage());
        assertThrows(MalformedOscException.class, () -> OscArgs.samplesText(msg("/position/samples", "-5"), 0));
        assertThrows(MalformedOscException.class, () -> OscArgs.number(msg("/time", Float.NaN), 0));
    }

    @Test
    void readsArdourClockText() throws Exception {
        assertEquals(3723.25, ArdourClock.seconds(msg("/position/time", "01:02:03.250")), 1e-9);
        assertThrows(MalformedOscException.class, () -> ArdourClock.seconds(msg("/position/time", "noon")));
        assertThrows(MalformedOscException.class, () -> ArdourClock.seconds(msg("/position/time", "-00:00:01.000")));
    }

    @Test
    void acceptsOnlyTheDawsHost() throws Exception {
        OscEndpoints daw = OscEndpoints.of("127.0.0.1", 3819, 0);
        OscLink link = new OscLink("test", daw, (message, nanos) -> { });

        assertTrue(link.accepts(InetAddress.getByName("127.0.0.1")));
        // Constructed only, never contacted: another loopback address stands for a stranger.
        assertFalse(link.accepts(InetAddress.getByName("127.0.0.2")));
        IllegalArgumentException port = assertThrows(IllegalArgumentException.class,
                () -> OscEndpoints.of("127.0.0.1", -3, 8000));
        assertEquals("port : -3 (expected: 1..65535)", port.getMessage());
    }
}
