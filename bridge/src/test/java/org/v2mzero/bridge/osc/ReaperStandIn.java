package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stand-in for Reaper with the {@code Default.ReaperOSC} transport patterns (Reaper cannot be
 * installed here): float {@code /time}, {@code /samples}, {@code /play}, {@code /stop},
 * {@code /tempo/raw}, the loop's {@code /repeat}, {@code /loop/start/time} and {@code /loop/end/time}, and string
 * {@code /beat/str} feedback; {@code /play}, {@code /stop},
 * {@code /time f} control and {@code /action/<id>} triggers (kept, not run).
 */
public final class ReaperStandIn extends OscDawStandIn {
    static final float BPM = 96f;
    private final List<OSCMessage> actions = new CopyOnWriteArrayList<>();

    public ReaperStandIn() throws IOException {
        super();
    }

    @Override
    OscTransportSource createSource(OscEndpoints daw) {
        return new ReaperOscTransportSource(daw, RATE);
    }

    @Override
    void greet() {
        send("/tempo/raw", BPM);
        sendPlayState(false);
        sendPosition(truthFrame());
    }

    @Override
    void control(OSCMessage message) {
        switch (message.getAddress()) {
            case "/play" -> setPlaying(true);
            case "/stop" -> setPlaying(false);
            case "/time" -> dawLocate(Math.round(((Number) message.getArguments().get(0)).doubleValue() * RATE));
            default -> {
                if (!message.getAddress().startsWith("/action/")) {
                    throw new IllegalStateException("not in the trimmed pattern: " + message.getAddress());
                }
                actions.add(message); // ACTION t/action/@: Reaper would run the action
            }
        }
    }

    /** The {@code /action/…} triggers received, oldest first, with their arguments. */
    public List<OSCMessage> actions() {
        return actions;
    }

    @Override
    void sendPosition(long frame) {
        double seconds = frame / (double) RATE;
        send("/time", (float) seconds);
        send("/samples", (float) frame);
        double beats = seconds * BPM / 60;
        send("/beat/str", (int) (beats / 4) + 1 + "." + ((int) beats % 4 + 1) + ".00");
    }

    /** {@code REPEAT t/repeat}, {@code LOOP_START_TIME f/loop/start/time}, {@code LOOP_END_TIME f/loop/end/time}. */
    @Override
    boolean sendLoop(long startFrame, long endFrame) {
        send("/loop/start/time", (float) (startFrame / (double) RATE));
        send("/loop/end/time", (float) (endFrame / (double) RATE));
        send("/repeat", 1f);
        return true;
    }

    @Override
    void sendPlayState(boolean rolling) {
        send("/play", rolling ? 1f : 0f);
        send("/stop", rolling ? 0f : 1f);
    }

    @Override
    public int sendGarbage() {
        sendNoise();
        send("/time", "abc");
        send("/play");
        send("/tempo/raw", -5f);
        send("/beat/str", 3f);
        send("/repeat", "on");
        send("/loop/end/time", Float.NaN);
        return 7;
    }
}
