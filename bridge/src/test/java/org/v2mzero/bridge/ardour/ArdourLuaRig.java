package org.v2mzero.bridge.ardour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.v2mzero.bridge.osc.ArdourOscTransportSource;
import org.v2mzero.bridge.osc.OscEndpoints;
import org.v2mzero.bridge.osc.OscTestClient;
import org.v2mzero.bridge.transport.TransportRig;

/**
 * {@link ArdourOscTransportSource} against the real Ardour 7: a scratch session made by Ardour's tools, run
 * by {@code ardour7-lua} on the Dummy backend with its OSC surface on ({@link ArdourLuaDaw}). The source
 * sends its control through an {@link OscRelay}, so the test sees what reached Ardour; Ardour's feedback
 * comes straight to the source on Ardour's fixed port 8000 (so no other Ardour test may run at once).
 *
 * <p>Skips (fails in CI) where Ardour is not installed.
 */
public final class ArdourLuaRig implements TransportRig {
    private static final String SESSION = "rig";
    private Path root;
    private ArdourLuaDaw daw;
    private OscRelay relay;
    private ArdourOscTransportSource source;

    @Override
    public ArdourOscTransportSource start() throws Exception {
        root = Files.createTempDirectory("v2m-ardour-rig-");
        ArdourTestSession session = ArdourTestSession.create(root, SESSION, List.of());
        session.enableOsc();
        daw = ArdourLuaDaw.start(session);
        relay = new OscRelay(daw.oscPort());
        source = new ArdourOscTransportSource(new OscEndpoints(relay.address(),
                ArdourOscTransportSource.FEEDBACK_PORT), ArdourLuaDaw.RATE);
        source.start();
        return source;
    }

    @Override
    public long truthFrame() {
        return daw.truthFrame();
    }

    @Override
    public boolean truthPlaying() {
        try {
            return daw.truthPlaying();
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask ardour7-lua: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public double clockSpeed() {
        double speed = daw.speed();
        return Double.isNaN(speed) ? 1 : speed;
    }

    @Override
    public void dawLocate(long frame) throws Exception {
        daw.locate(frame);
    }

    /**
     * Ardour 7.3's OSC says whether loop play is on ({@code /loop_toggle}), never the loop's range (see
     * {@link ArdourOscTransportSource}): a wrap reaches the source as a locate.
     */
    @Override
    public boolean dawLoop(long startFrame, long endFrame) {
        return false;
    }

    @Override
    public List<String> controlsSeen() {
        return relay.seen();
    }

    /** The control messages that reached Ardour as address and OSC type tags, e.g. {@code /locate ,ii}. */
    public List<String> controlsTyped() {
        return relay.typed();
    }

    /** The user starts or stops Ardour's transport in Ardour (its own API, not OSC); returns once asked. */
    public void dawPlay(boolean rolling) throws IOException, InterruptedException {
        daw.play(rolling);
    }

    /**
     * The user works Ardour's loop: sends one control message of Ardour's own OSC dialect straight to Ardour
     * (not through the source), e.g. {@code /loop_location <start> <end>} (two int32 samples) or
     * {@code /loop_toggle}. Ardour answers a new sender's host on port 8000 all the same, where the source
     * listens; a sender that never asked for feedback gets none.
     */
    public void ardourOsc(String address, Object... args) throws IOException {
        try (OscTestClient user = new OscTestClient("127.0.0.1", daw.oscPort())) {
            user.send(address, args);
        }
    }

    /** The session's name, as the runner made it. */
    public String sessionName() {
        return SESSION;
    }

    /** What the stand-in sends, from Ardour's host (loopback) to the source's port, as Ardour would. */
    @Override
    public int sendGarbage() throws IOException {
        try (OscTestClient ardour = new OscTestClient("127.0.0.1", source.localPort())) {
            ardour.sendRaw("this is not OSC\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            ardour.send("/position/samples", 12.5f);
            ardour.send("/position/samples", "twelve");
            ardour.send("/transport_play");
            ardour.send("/transport_stop", "yes");
        }
        return 5;
    }

    /** Output of ardour7-lua that was not a truth report, for failure messages. */
    public String dawLog() {
        return daw == null ? "(not started)" : daw.tail();
    }

    @Override
    public void close() throws Exception {
        try {
            if (source != null) {
                source.close();
            }
            if (relay != null) {
                relay.close();
            }
            if (daw != null) {
                daw.close();
            }
        } finally {
            if (root != null) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
