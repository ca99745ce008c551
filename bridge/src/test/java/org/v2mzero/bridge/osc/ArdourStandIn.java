package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.io.IOException;

/**
 * Stand-in for Ardour 7's OSC surface, for the transport tests that need a DAW they can steer and
 * start in milliseconds (the real Ardour is in ArdourRecordingTest): the feedback and control messages
 * of daw-notes.md, with {@code /position/samples} and {@code /position/time} as strings.
 */
public final class ArdourStandIn extends OscDawStandIn {
    private volatile int locatesToDrop;

    public ArdourStandIn() throws IOException {
        super();
    }

    /** Ignores the next {@code count} locates, as Ardour 7.3 ignores one that comes while it finishes a stop. */
    void dropLocates(int count) {
        locatesToDrop = count;
    }

    @Override
    OscTransportSource createSource(OscEndpoints daw) {
        return new ArdourOscTransportSource(daw, RATE);
    }

    @Override
    void control(OSCMessage message) {
        switch (message.getAddress()) {
            case "/transport_play" -> setPlaying(true);
            case "/transport_stop" -> setPlaying(false);
            case "/transport_frame" -> send("/transport_frame", truthFrame());
            case "/locate" -> {
                if (locatesToDrop > 0) {
                    locatesToDrop--;
                    return;
                }
                dawLocate(((Number) message.getArguments().get(0)).longValue());
                setPlaying(((Number) message.getArguments().get(1)).intValue() == 1);
            }
            default -> {
                // /set_surface/feedback: this stand-in always sends the transport feedback 3185 asks for.
            }
        }
    }

    /** Ardour's OSC does not report the loop range (see {@link ArdourOscTransportSource}). */
    @Override
    boolean sendLoop(long startFrame, long endFrame) {
        return false;
    }

    @Override
    void sendPosition(long frame) {
        send("/position/samples", Long.toString(frame));
        double seconds = frame / (double) RATE;
        send("/position/time", String.format(java.util.Locale.ROOT, "%02d:%02d:%06.3f",
                (int) (seconds / 3600), (int) (seconds / 60) % 60, seconds % 60));
    }

    @Override
    void sendPlayState(boolean rolling) {
        send("/transport_stop", rolling ? 0f : 1f);
        send("/transport_play", rolling ? 1f : 0f);
    }

    @Override
    public int sendGarbage() {
        sendNoise();
        send("/position/samples", 12.5f);
        send("/position/samples", "twelve");
        send("/transport_play");
        send("/transport_stop", "yes");
        return 5;
    }
}
