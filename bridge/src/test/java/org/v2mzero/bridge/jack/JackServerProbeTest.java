package org.v2mzero.bridge.jack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JackServerProbeTest {

    @Test
    void reportsNoServerWithoutStartingOne() {
        JackServerStatus status = JackServerProbe.probe();

        assertFalse(status.reachable(), "no server of this test's name should be running yet");
        assertEquals(JackTestServer.name(), status.serverName());
        assertFalse(status.detail().isEmpty());
    }

    @Test
    void reachesARealDummyServerAndReadsItsSettings() throws Exception {
        try (JackTestServer server = JackTestServer.start(256)) {
            JackServerStatus status = JackServerProbe.probe();

            assertTrue(status.libraryLoaded());
            assertTrue(status.reachable(), status.detail());
            assertEquals(48000, status.sampleRate());
            assertEquals(256, status.bufferSize());
        }
        assertFalse(JackServerProbe.probe().reachable(), "the probe must not have left a server behind");
    }
}
