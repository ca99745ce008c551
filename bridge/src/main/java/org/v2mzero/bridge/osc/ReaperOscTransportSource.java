package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Follows and drives Reaper's transport over an OSC control surface speaking the
 * {@code Default.ReaperOSC} dialect, or the trimmed {@code examples/reaper/v2m.ReaperOSC}.
 * Reaper has no fixed ports: the surface line in {@code reaper.ini} names them (8000 in, 9000 out
 * is the usual choice, see examples/reaper/README.md).
 *
 * <p>Follows {@code /play f} and {@code /stop f} (1/0), {@code /time f} (seconds), {@code /samples f}
 * and {@code /tempo/raw f} (bpm); checks {@code /beat/str s}; follows the loop from {@code /repeat f} and
 * {@code /loop/start/time f}, {@code /loop/end/time f} (seconds; see {@link ReaperLoop}), so the estimate
 * wraps where Reaper does instead of running past the loop end until the next report. Control: {@code /play}, {@code /stop}
 * (triggers, sent with 1) and {@code /time f} (locate, seconds); {@code /action/<id>} runs an action
 * ({@link #triggerAction}). Reaper pushes feedback only on change, so nothing is sent on start.
 */
public final class ReaperOscTransportSource extends OscTransportSource {
    /** Reaper's surface listen port in the usual setup (what this source sends to). */
    public static final int REAPER_PORT = 8000;
    /** The device port in the usual setup (where Reaper sends feedback). */
    public static final int FEEDBACK_PORT = 9000;
    private static final Pattern BEAT = Pattern.compile("-?\\d+\\.\\d+(\\.\\d+)?");
    private static final float TRIGGER = 1f;
    /** What may follow {@code /action/}: an OSC address part, so no spaces, slashes or pattern characters. */
    private static final Pattern ACTION_ID = Pattern.compile("\\d+|_[A-Za-z0-9_]+");
    private final ReaperLoop loop = new ReaperLoop();

    /**
     * @param endpoints  Reaper's surface address and the local feedback port (normally 9000)
     * @param sampleRate the project's sample rate, for converting {@code /time} seconds to samples
     */
    public ReaperOscTransportSource(OscEndpoints endpoints, int sampleRate) {
        super("reaper", endpoints, sampleRate);
    }

    @Override
    void greet() {
        // Reaper sends its whole state to a surface when it starts and on every change.
    }

    @Override
    void handle(OSCMessage message, long nanos) throws MalformedOscException {
        switch (message.getAddress()) {
            case "/play" -> tracker().reportPlaying(OscArgs.flag(message, 0), nanos);
            case "/stop" -> {
                if (OscArgs.flag(message, 0)) {
                    tracker().reportPlaying(false, nanos);
                }
            }
            case "/time" -> tracker().reportPosition(clampedFrames(message), nanos);
            case "/samples" -> tracker().reportPosition(Math.round(Math.max(0, OscArgs.number(message, 0))), nanos);
            case "/repeat" -> {
                loop.repeat(OscArgs.flag(message, 0));
                tracker().reportLoop(loop.loop(), nanos);
            }
            case "/loop/start/time" -> {
                loop.start(clampedFrames(message));
                tracker().reportLoop(loop.loop(), nanos);
            }
            case "/loop/end/time" -> {
                loop.end(clampedFrames(message));
                tracker().reportLoop(loop.loop(), nanos);
            }
            case "/tempo/raw" -> tracker().reportTempo(positiveBpm(message), tracker().estimate(nanos).beatsPerBar());
            case "/beat/str" -> requireBeat(message);
            default -> {
                // Other feedback (tracks, record) does not move the transport.
            }
        }
    }

    /**
     * The message's seconds as samples; Reaper's pre-roll and negative project starts give times below
     * zero, which are clamped to the timeline's start.
     */
    private long clampedFrames(OSCMessage message) throws MalformedOscException {
        return toFrames(Math.max(0, OscArgs.number(message, 0)), sampleRate());
    }

    private static double positiveBpm(OSCMessage message) throws MalformedOscException {
        double bpm = OscArgs.number(message, 0);
        if (!(bpm > 0)) {
            throw new MalformedOscException("/tempo/raw : " + bpm + " (expected: bpm > 0)");
        }
        return bpm;
    }

    private static void requireBeat(OSCMessage message) throws MalformedOscException {
        String text = OscArgs.string(message, 0);
        if (!BEAT.matcher(text).matches()) {
            throw new MalformedOscException("/beat/str : \"" + text + "\" (expected: bar.beat.fraction)");
        }
    }

    @Override
    public void play() throws IOException {
        send("/play", TRIGGER);
    }

    @Override
    public void stop() throws IOException {
        send("/stop", TRIGGER);
    }

    /**
     * Runs a Reaper action: sends {@code /action/<commandId>} as a trigger (with 1, as {@code /play}), which
     * the pattern line {@code ACTION i/action t/action/@} maps to the action. OSC actions carry no other
     * argument, so a script that needs input reads it elsewhere (see {@code reaper.ReaperImportTrigger}).
     * Any thread, while running.
     *
     * @param commandId a numeric command id ({@code 40757}) or a named one with its leading underscore
     *                  ({@code _V2M_IMPORT_TAKE}, or {@code _RS…} as Reaper names a loaded ReaScript)
     */
    public void triggerAction(String commandId) throws IOException {
        send("/action/" + requireActionId(commandId), TRIGGER);
    }

    /**
     * {@code commandId} if it can be sent as {@link #triggerAction} sends it; any thread.
     *
     * @throws IllegalArgumentException one line naming the id and what was expected
     */
    public static String requireActionId(String commandId) {
        if (commandId == null || !ACTION_ID.matcher(commandId).matches()) {
            throw new IllegalArgumentException("commandId : " + commandId
                    + " (expected: a number, or _ and letters, digits or _ as in _V2M_IMPORT_TAKE)");
        }
        return commandId;
    }

    /** Sends {@code /time <seconds>} (float); Reaper keeps its play state. Any thread. */
    @Override
    public void locate(double seconds) throws IOException {
        toFrames(seconds, sampleRate());
        send("/time", (float) seconds);
    }
}
