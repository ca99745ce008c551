package org.v2mzero.bridge.ardour;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.v2mzero.bridge.jack.JackStemPlayer;
import org.v2mzero.bridge.osc.ArdourOscTransportSource;
import org.v2mzero.bridge.osc.ArdourSurface;
import org.v2mzero.bridge.osc.OscEndpoints;
import org.v2mzero.protocol.TransportState;

/**
 * Records the player's stems into tracks of a running Ardour session: connects each stem's
 * {@code <stem>_L}/{@code <stem>_R} to its track's {@code audio_in 1}/{@code audio_in 2}, arms the tracks
 * and the session over OSC, and rolls and stops Ardour's transport (daw-notes.md, "Ardour").
 *
 * <p>Every request waits for Ardour's feedback saying it happened before the next one is sent: Ardour
 * applies requests some cycles later and can drop one that arrives while the previous is still in flight
 * (a {@code /rec_enable_toggle} right after a {@code /locate} was ignored). The waits are bounded; a
 * timeout is an {@link IOException} whose message is one line naming what did not happen.
 *
 * <p>The player and Ardour must share a clock for the recording to land where the stem belongs: run
 * Ardour with JACK transport sync (session option {@code external-sync}, transport master
 * "JACK Transport", and "Keep record-enable engaged on stop", see {@link #record}), so its play and locate
 * move the JACK transport the player follows; or build the
 * player {@link JackStemPlayer#following following} the same {@link ArdourOscTransportSource} given to
 * {@link #over}.
 *
 * <p>Threads: any control thread, one at a time; never a JACK thread or the OSC link's thread (the
 * methods block on feedback that thread delivers). {@link #close()} from any thread.
 */
public final class ArdourRecording implements AutoCloseable {
    /** Ardour's JACK client name unless started with {@code -c/--name}. */
    public static final String DEFAULT_CLIENT = "ardour";
    /** How long Ardour may take to answer or to apply a request: it answers in ~100 ms when idle. */
    static final Duration WAIT = Duration.ofSeconds(5);
    /** How far past a locate's target Ardour may report its position (its playback latency, see there). */
    static final double LOCATE_SLACK_SECONDS = ArdourOscTransportSource.LOCATE_AHEAD_SECONDS;
    /** How far into a recording {@link #record} checks that Ardour is still armed. */
    static final double ROLL_CHECK_SECONDS = 0.25;
    private static final long QUERY_NANOS = 100_000_000;

    private final JackStemPlayer player;
    private final ArdourOscTransportSource ardour;
    private final boolean ownsArdour;
    private final List<ArdourTrack> tracks;
    private final String ardourClient;

    private ArdourRecording(JackStemPlayer player, ArdourOscTransportSource ardour, boolean ownsArdour,
            String ardourClient, List<ArdourTrack> tracks) {
        this.player = player;
        this.ardour = ardour;
        this.ownsArdour = ownsArdour;
        this.ardourClient = ardourClient;
        this.tracks = List.copyOf(tracks);
    }

    /**
     * Opens an OSC link of its own to Ardour at {@code endpoints}, checks the session has the tracks at
     * their strip ids, and connects the stems to them. Control thread.
     *
     * @param player       a started player, connected to the JACK server Ardour runs on
     * @param endpoints    Ardour's OSC address (port 3819) and the local feedback port (8000)
     * @param ardourClient Ardour's JACK client name, normally {@link #DEFAULT_CLIENT}
     * @param tracks       one per stem to record
     * @throws IOException one line saying what is missing: Ardour's answer, a track, a port. A connection
     *                     that could not be made stays with the player, which retries it every second
     *                     ({@link JackStemPlayer#connect}), so a track port that appears later is connected
     */
    public static ArdourRecording open(JackStemPlayer player, OscEndpoints endpoints, String ardourClient,
            List<ArdourTrack> tracks) throws IOException, InterruptedException {
        int rate = player.stats().sampleRate();
        if (rate == 0) {
            throw new IOException("player " + player.clientName() + " : " + player.state()
                    + " (expected: connected to the JACK server Ardour runs on)");
        }
        ArdourOscTransportSource source = new ArdourOscTransportSource(endpoints, rate);
        source.start();
        ArdourRecording recording = new ArdourRecording(player, source, true, ardourClient, tracks);
        try {
            recording.prepare(endpoints.daw().toString());
        } catch (IOException | InterruptedException | RuntimeException e) {
            source.close();
            throw e;
        }
        return recording;
    }

    /**
     * As {@link #open}, over a started source the caller keeps and closes (e.g. the one the player
     * follows: Ardour sends feedback to one port, so there can be only one link). Control thread.
     */
    public static ArdourRecording over(JackStemPlayer player, ArdourOscTransportSource ardour,
            String ardourClient, List<ArdourTrack> tracks) throws IOException, InterruptedException {
        ArdourRecording recording = new ArdourRecording(player, ardour, false, ardourClient, tracks);
        recording.prepare("its OSC port");
        return recording;
    }

    private void prepare(String where) throws IOException, InterruptedException {
        checkStems();
        ArdourSurface surface = ardour.surface();
        if (!surface.await(() -> surface.sessionName().isPresent(), WAIT)) {
            throw new IOException("Ardour does not answer OSC at " + where + " within " + WAIT.toSeconds()
                    + " s (is Ardour running with the session's OSC surface on?)");
        }
        for (ArdourTrack track : tracks) {
            checkStrip(track, surface.strips());
            for (int channel = 1; channel <= 2; channel++) {
                String own = track.stem() + (channel == 1 ? "_L" : "_R");
                String input = track.inputPort(ardourClient, channel);
                if (!player.connect(own, input)) {
                    throw new IOException("cannot connect " + player.clientName() + ":" + own + " to " + input
                            + " (no such JACK port: is Ardour on this JACK server as client '" + ardourClient
                            + "', and is '" + track.track() + "' a stereo audio track?)");
                }
            }
        }
    }

    private void checkStems() {
        Set<String> seen = new HashSet<>();
        for (ArdourTrack track : tracks) {
            if (!player.portNames().contains(track.stem() + "_L")) {
                throw new IllegalArgumentException("stem : " + track.stem() + " (expected one of the player's: "
                        + player.portNames() + ")");
            }
            if (!seen.add(track.track())) {
                throw new IllegalArgumentException("track : " + track.track() + " (expected: each track once)");
            }
        }
    }

    private void checkStrip(ArdourTrack track, Map<Integer, String> strips) throws IOException {
        String name = strips.get(track.stripId());
        if (!track.track().equals(name)) {
            throw new IOException("Ardour's strip " + track.stripId() + " is " + (name == null ? "not there"
                    : "'" + name + "'") + " (expected: track '" + track.track() + "'; the session's strips: "
                    + strips + ")");
        }
    }

    /** Arms every track and then the session for recording, each confirmed by Ardour. Control thread. */
    public void arm() throws IOException, InterruptedException {
        ArdourSurface surface = ardour.surface();
        for (ArdourTrack track : tracks) {
            if (!surface.armed(track.stripId())) {
                ardour.armStrip(track.stripId(), true);
            }
            await(() -> surface.armed(track.stripId()), "track '" + track.track() + "' armed");
        }
        if (!surface.sessionRecordEnabled()) {
            ardour.toggleSessionRecord();
        }
        await(surface::sessionRecordEnabled, "the session record-enabled");
    }

    /** Disarms the session (if still armed) and every track. Control thread. */
    public void disarm() throws IOException, InterruptedException {
        ArdourSurface surface = ardour.surface();
        if (surface.sessionRecordEnabled()) {
            ardour.toggleSessionRecord();
        }
        await(() -> !surface.sessionRecordEnabled(), "the session's record disabled");
        for (ArdourTrack track : tracks) {
            if (surface.armed(track.stripId())) {
                ardour.armStrip(track.stripId(), false);
            }
            await(() -> !surface.armed(track.stripId()), "track '" + track.track() + "' disarmed");
        }
    }

    /**
     * Stops if rolling, locates to {@code frame}, arms, then rolls: Ardour records the stems from there
     * until {@link #stop()}. Control thread.
     *
     * @param frame timeline position in samples at the session's rate
     */
    public void record(long frame) throws IOException, InterruptedException {
        stop();
        locate(frame);
        arm();
        roll();
        checkStillArmed(frame);
    }

    /**
     * Fails if Ardour dropped the session's record-enable as the roll began. With JACK transport sync Ardour
     * can stop for an instant while the JACK transport starts, and a stop disarms the session unless
     * "latched-record-enable" is on: then the transport rolls and nothing is recorded (15 of 35 runs on the
     * test's dummy server without the option, none of 11 with it). Waits until Ardour reports a position
     * {@value #ROLL_CHECK_SECONDS} s past {@code frame}; the disarm always came before that.
     */
    private void checkStillArmed(long frame) throws IOException, InterruptedException {
        ArdourSurface surface = ardour.surface();
        long past = frame + Math.round(ROLL_CHECK_SECONDS * ardour.sampleRate());
        await(() -> !surface.sessionRecordEnabled() || ardour.anchor().frame() >= past,
                "a position " + ROLL_CHECK_SECONDS + " s past sample " + frame + " while recording");
        if (!surface.sessionRecordEnabled()) {
            throw new IOException("Ardour disarmed the session as the transport started, so it records nothing"
                    + " (expected: Preferences > Transport > 'Keep record-enable engaged on stop' on, i.e."
                    + " latched-record-enable, which JACK transport sync needs)");
        }
    }

    /** Rolls Ardour's transport and waits until Ardour says it rolls. Control thread. */
    public void roll() throws IOException, InterruptedException {
        ardour.play();
        await(() -> ardour.anchor().playing(), "the transport rolling");
    }

    /** Stops Ardour's transport (and with it any recording) and waits until Ardour says so. Control thread. */
    public void stop() throws IOException, InterruptedException {
        if (ardour.anchor().playing()) {
            ardour.stop();
        }
        await(() -> !ardour.anchor().playing(), "the transport stopped");
    }

    /**
     * Locates the stopped transport to {@code frame} and waits until Ardour reports a position at most
     * {@value #LOCATE_SLACK_SECONDS} s past it (see the constant for why not exactly). Control thread.
     */
    public void locate(long frame) throws IOException, InterruptedException {
        if (frame < 0) {
            throw new IllegalArgumentException("frame : " + frame + " (expected: >= 0)");
        }
        long slack = Math.round(LOCATE_SLACK_SECONDS * ardour.sampleRate());
        long sent = System.nanoTime();
        ardour.locate(frame / (double) ardour.sampleRate());
        long deadline = sent + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ardour.queryPosition(); // a stopped Ardour reports its position only when it changes
            if (ardour.surface().await(() -> landed(sent, frame, slack), Duration.ofNanos(QUERY_NANOS))) {
                return;
            }
        }
        throw new IOException("Ardour did not locate to sample " + frame + " within " + WAIT.toSeconds()
                + " s (last reported: " + ardour.anchor().frame() + ")");
    }

    private boolean landed(long sent, long frame, long slack) {
        TransportState a = ardour.anchor();
        return a.observedNanos() > sent && !a.playing() && a.frame() >= frame && a.frame() <= frame + slack;
    }

    /** Saves the session ({@code /save_state}), so the recorded regions are in its file. Control thread. */
    public void save() throws IOException {
        ardour.saveState();
    }

    /** The link to Ardour, for its transport and surface state. Any thread. */
    public ArdourOscTransportSource ardour() {
        return ardour;
    }

    /** Closes the OSC link if {@link #open} made it; the player and its connections stay. Any thread. */
    @Override
    public void close() {
        if (ownsArdour) {
            ardour.close();
        }
    }

    private void await(BooleanSupplier condition, String what) throws IOException, InterruptedException {
        if (!ardour.surface().await(condition, WAIT)) {
            throw new IOException("Ardour did not report " + what + " within " + WAIT.toSeconds() + " s");
        }
    }
}
