package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Follows and drives Ardour's transport over its OSC surface (Ardour listens on UDP 3819 and replies
 * to port 8000 of the sender's host; see daw-notes.md).
 *
 * <p>On start it subscribes with {@code /set_surface/feedback 3185} (strip buttons and names, transport
 * state, BBT, SMPTE, samples and time positions) and asks {@code /transport_frame}. It follows
 * {@code /transport_play f}, {@code /transport_stop f}, {@code /position/samples s} and
 * {@code /transport_frame h} and {@code /loop_toggle f} ({@link #looping()}); it reads {@code /position/time s} only until the first sample-exact position
 * arrives, and asks {@code /transport_frame} again whenever Ardour says its transport's state changed (see
 * {@code askPosition}). Ardour's feedback does not carry the tempo, so {@code bpm} stays unknown. Control:
 * {@code /transport_play}, {@code /transport_stop}, {@code /locate <sample> <roll>} (two int32s: Ardour 7.3
 * registers {@code "ii"}; checked against the real program in {@code ArdourOscTransportSourceTest}).
 *
 * <p>For recording it also keeps the strips' names and record arms and the session's record state
 * ({@link #surface()}), arms strips ({@code /strip/recenable <ssid> <0|1>}), toggles the session's
 * record state ({@code /rec_enable_toggle}) and saves the session ({@code /save_state}).
 */
public final class ArdourOscTransportSource extends OscTransportSource {
    /** Ardour's fixed OSC port. */
    public static final int ARDOUR_PORT = 3819;
    /** The port Ardour sends feedback to, on the sender's host. */
    public static final int FEEDBACK_PORT = 8000;
    /**
     * 1 strip buttons and names + 16 transport state + 32 BBT + 64 SMPTE + 1024 samples + 2048 time
     * (osc_global_observer.cc, osc_route_observer.cc).
     */
    static final int FEEDBACK_BITS = 3185;
    private static final Logger LOG = Logger.getLogger(ArdourOscTransportSource.class.getName());

    /**
     * How far past a locate's target Ardour may report it: following JACK transport, Ardour's own position
     * runs ahead of the JACK frame by its playback latency (4096 samples on a 1024-frame server).
     */
    public static final double LOCATE_AHEAD_SECONDS = 0.5;

    private final ArdourSurface surface = new ArdourSurface();
    private final LocateRetry locates;
    private volatile boolean playing;
    private volatile boolean looping;
    private boolean sawSamples;

    /**
     * @param endpoints  Ardour's address and the local feedback port (normally 8000)
     * @param sampleRate the session's sample rate (Ardour's OSC feedback does not say it)
     */
    public ArdourOscTransportSource(OscEndpoints endpoints, int sampleRate) {
        super("ardour", endpoints, sampleRate);
        this.locates = new LocateRetry((frame, roll) -> send("/locate", (int) frame, roll ? 1 : 0), sampleRate,
                Math.round(LOCATE_TOLERANCE_SECONDS * sampleRate), Math.round(LOCATE_AHEAD_SECONDS * sampleRate));
    }

    @Override
    void greet() throws IOException {
        send("/set_surface/feedback", FEEDBACK_BITS);
        send("/transport_frame");
    }

    @Override
    void handle(OSCMessage message, long nanos) throws MalformedOscException {
        try {
            handleTransport(message, nanos);
        } finally {
            surface.changed();
        }
    }

    private void handleTransport(OSCMessage message, long nanos) throws MalformedOscException {
        if (surface.handle(message)) {
            return;
        }
        switch (message.getAddress()) {
            case "/transport_play" -> {
                boolean rolling = OscArgs.flag(message, 0);
                // Ardour re-sends its transport state at every loop wrap, and there "/transport_play 0" (its
                // speed just then not exactly 1) came with "/transport_stop 0" while it rolled on (1 of 2 wraps
                // seen against Ardour 7.3): while loop play is on, only "/transport_stop 1" stops.
                if (rolling || !looping) {
                    setPlaying(rolling, nanos);
                }
                askPosition();
            }
            // Ardour says whether loop play is on, never the loop range (no feedback carries it in 7.3:
            // /loop_location and /set_loop_range only set it). A wrap therefore comes as a report off the
            // prediction, a locate; Ardour also re-sends its transport state on every wrap (TransportLooped),
            // whose /transport_play makes askPosition resync at once rather than at the next report.
            case "/loop_toggle" -> looping = OscArgs.flag(message, 0);
            case "/transport_stop" -> {
                // "/transport_stop 0" comes with "/transport_play 1"; only a 1 says something new.
                if (OscArgs.flag(message, 0)) {
                    setPlaying(false, nanos);
                }
            }
            case "/position/samples" -> {
                sawSamples = true;
                reportPosition(OscArgs.samplesText(message, 0), nanos);
            }
            case "/transport_frame" -> reportPosition(wholeSamples(message), nanos);
            case "/position/time" -> {
                if (!sawSamples) {
                    reportPosition(toFrames(ArdourClock.seconds(message), sampleRate()), nanos);
                }
            }
            default -> {
                // Ardour sends much more feedback (markers, mute, solo, BBT); none moves the transport.
            }
        }
    }

    private void reportPosition(long frame, long nanos) {
        tracker().reportPosition(frame, nanos);
        locates.reported(frame, nanos);
    }

    private void setPlaying(boolean rolling, long nanos) {
        playing = rolling;
        tracker().reportPlaying(rolling, nanos);
    }

    /**
     * Asks for the position; link thread, on each {@code /transport_play}, which Ardour sends on every
     * change of its transport's state, a locate included, once the change is done. Its next
     * {@code /position/samples} comes up to 100 ms later (and a start is told some cycles after Ardour
     * rolled: about 20 ms on the Dummy backend, measured against Ardour 7.3); the answer to
     * {@code /transport_frame} comes in a round trip, so the estimate resyncs at once.
     */
    private void askPosition() {
        try {
            send("/transport_frame");
        } catch (IOException | IllegalStateException e) {
            // Closed meanwhile, or the socket refused: the next position report resyncs all the same.
            LOG.log(Level.FINE, "cannot ask Ardour for its position", e);
        }
    }

    private static long wholeSamples(OSCMessage message) throws MalformedOscException {
        double value = OscArgs.number(message, 0);
        if (value < 0) {
            throw new MalformedOscException(message.getAddress() + " : " + value + " (expected: samples >= 0)");
        }
        return (long) value;
    }

    @Override
    public void play() throws IOException {
        locates.cancel();
        send("/transport_play");
    }

    @Override
    public void stop() throws IOException {
        locates.cancel();
        send("/transport_stop");
    }

    /**
     * Sends {@code /locate <sample> <roll>}, rolling on if the transport rolls now, and again until Ardour
     * reports the new position ({@link LocateRetry}: Ardour 7.3 drops a locate that comes as it stops). Any
     * thread.
     */
    @Override
    public void locate(double seconds) throws IOException {
        long frame = toFrames(seconds, sampleRate());
        if (frame > Integer.MAX_VALUE) {
            // Ardour's /locate takes an OSC int32: 2^31 samples is over 12 hours at 48 kHz.
            throw new IllegalArgumentException("seconds : " + seconds + " (expected: < 2^31 samples)");
        }
        locates.request(frame, playing);
    }

    /** Whether a locate is still waiting for Ardour to report it; any thread. */
    boolean locatePending() {
        return locates.pending();
    }

    @Override
    void closed() {
        locates.close();
    }

    /**
     * Whether Ardour's loop play is on ({@code /loop_toggle} feedback); any thread. The loop's range is
     * not reported, so {@link #state()} carries no loop and a wrap is seen as a locate.
     */
    public boolean looping() {
        return looping;
    }

    /** The session and strip state Ardour reported; any thread. */
    public ArdourSurface surface() {
        return surface;
    }

    /** Asks for the transport position ({@code /transport_frame}, answered as a report); any thread. */
    public void queryPosition() throws IOException {
        send("/transport_frame");
    }

    /** Arms ({@code true}) or disarms strip {@code stripId} (1-based) for recording; any thread. */
    public void armStrip(int stripId, boolean armed) throws IOException {
        if (stripId < 1) {
            throw new IllegalArgumentException("stripId : " + stripId + " (expected: >= 1)");
        }
        send("/strip/recenable", stripId, armed ? 1 : 0);
    }

    /** Flips the session's record state (global record); see {@link ArdourSurface#sessionRecordEnabled()}. */
    public void toggleSessionRecord() throws IOException {
        send("/rec_enable_toggle");
    }

    /** Saves the session's state file ({@code /save_state}); any thread. */
    public void saveState() throws IOException {
        send("/save_state");
    }
}
