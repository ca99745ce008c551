package org.v2mzero.bridge.ardour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.v2mzero.bridge.jack.JackStemPlayer;
import org.v2mzero.bridge.jack.JackTestServer;
import org.v2mzero.bridge.jack.PlayableTake;
import org.v2mzero.bridge.jack.PlayerState;
import org.v2mzero.bridge.osc.ArdourOscTransportSource;
import org.v2mzero.bridge.osc.OscEndpoints;

/**
 * The stems land in Ardour tracks: a real Ardour 7 (headless, on the test's jackd) records what the player
 * plays, driven by {@link ArdourRecording}, and the WAVs Ardour writes are read back.
 *
 * <p>The clock: Ardour follows and drives the JACK transport (session option {@code external-sync}, master
 * "JACK Transport"), and the player follows the JACK transport as it does by default, so the roll and
 * locate {@code ArdourRecording} asks Ardour for move both on one sample clock. A player following Ardour's
 * OSC reports instead is only as exact as its extrapolation between reports 100 ms apart, which would leave
 * nothing exact to assert; on the shared clock every recorded sample is checked exactly.
 *
 * <p>The take is frame-coded: stem {@code s} carries {@code (k + 1) * (s + 1) / 2^24} at take frame
 * {@code k} on the left and its negative on the right, exact in Ardour's 32-bit float files. So the
 * recording proves it holds every frame of the stem, once and in order, on the right track and channel,
 * and where on Ardour's timeline it landed.
 */
class ArdourRecordingTest {
    private static final Logger LOG = Logger.getLogger(ArdourRecordingTest.class.getName());
    private static final int PERIOD = 1024;
    private static final int RATE = ArdourTestSession.RATE;
    private static final float UNIT = 1f / (1 << 24);
    private static final List<String> STEMS = List.of("drums", "bass");
    private static final List<ArdourTrack> TRACKS = List.of(new ArdourTrack("drums", "Drums", 1),
            new ArdourTrack("bass", "Bass Line", 2));
    private static final long TAKE_START = 48_000;
    private static final int TAKE_FRAMES = 96_000;
    private static final Duration SAVE_WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path root;
    private static ArdourTestSession session;
    private static JackTestServer jack;
    private static HeadlessArdour ardour;
    private static JackStemPlayer player;

    @BeforeAll
    static void start() throws Exception {
        long started = System.nanoTime();
        session = ArdourTestSession.create(root, "v2m-rec", TRACKS.stream().map(ArdourTrack::track).toList());
        session.enableOscAndJackSync();
        jack = JackTestServer.start(PERIOD);
        ardour = HeadlessArdour.start(session, jack, TRACKS.get(0).inputPort(ArdourRecording.DEFAULT_CLIENT, 1));
        player = new JackStemPlayer("v2m", STEMS);
        assertEquals(PlayerState.CONNECTED, player.start());
        LOG.info("session, jackd, Ardour (" + ardour.tries() + " start(s)) and player up in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (player != null) {
                player.close();
            }
        } finally {
            try {
                if (ardour != null) {
                    ardour.close();
                }
            } finally {
                if (jack != null) {
                    jack.close();
                }
            }
        }
    }

    @Test
    void recordsEveryStemIntoItsTrackAtItsTimelinePosition() throws Exception {
        player.setTake(frameCodedTake(), JackStemPlayer.SWAP_NOW);
        long end = TAKE_START + TAKE_FRAMES + RATE / 2;
        try (ArdourRecording recording = ArdourRecording.open(player, ardourEndpoints(),
                ArdourRecording.DEFAULT_CLIENT, TRACKS)) {
            recording.record(0);
            ArdourOscTransportSource osc = recording.ardour();
            assertTrue(osc.surface().await(() -> osc.anchor().frame() >= end, Duration.ofSeconds(20)),
                    "Ardour rolled past " + end + " (at " + osc.anchor().frame() + ")");
            recording.stop();
            recording.disarm();
            recording.save();
        }
        Map<String, RecordedSources> sources = awaitSavedSources();
        for (int s = 0; s < TRACKS.size(); s++) {
            assertStemRecorded(s, sources.get(TRACKS.get(s).track()));
        }
        assertTrue(ardour.alive(), "Ardour still up");
    }

    private static void assertStemRecorded(int stem, RecordedSources sources) throws IOException {
        RecordedSources.Source leftSource = sources.one("%L.wav");
        RecordedSources.Source rightSource = sources.one("%R.wav");
        assertEquals(leftSource.startFrame(), rightSource.startFrame(), "both channels start together");
        float[] left = FloatWav.read(session.audioFiles().resolve(leftSource.file()));
        float[] right = FloatWav.read(session.audioFiles().resolve(rightSource.file()));
        assertEquals(left.length, right.length, "channel lengths");
        int first = firstNonZero(left);
        assertTrue(first >= 0, TRACKS.get(stem).track() + ": recorded only silence (" + left.length + " samples)");
        assertTrue(first + TAKE_FRAMES <= left.length, TRACKS.get(stem).track() + ": recording ends at "
                + left.length + ", before the take's end " + (first + TAKE_FRAMES));
        // Decode every sample back to the take frame it carries: on a quiet machine they run 0, 1, 2, ...
        // without a break. A client that misses a cycle (an xrun: Ardour's capture or the player) skips or
        // repeats a period, so breaks are allowed only as many as the run's xruns, and never garbage.
        int breaks = 0;
        int garbage = 0;
        String firstBreak = "";
        long previous = -1;
        for (int i = first; i < left.length; i++) {
            long k = Math.round(left[i] / (UNIT * (stem + 1))) - 1;
            boolean coded = left[i] == 0f ? right[i] == 0f : k >= 0 && k < TAKE_FRAMES && left[i] == code(stem, k)
                    && right[i] == -left[i];
            garbage += coded ? 0 : 1;
            if (left[i] == 0f) {
                continue; // silence after the take
            }
            if (k != previous + 1 && breaks++ == 0) {
                firstBreak = "file sample " + i + " carries take frame " + k + " (expected " + (previous + 1) + ")";
            }
            previous = k;
        }
        long landed = leftSource.startFrame() + first;
        int xruns = xruns();
        LOG.info(TRACKS.get(stem).track() + ": capture started at sample " + leftSource.startFrame() + ", "
                + left.length + " samples; take frame 0 at timeline sample " + landed + " (played at JACK frame "
                + TAKE_START + "), " + breaks + " breaks, " + garbage + " samples not from the take, " + xruns
                + " xruns");
        assertEquals(0, garbage, TRACKS.get(stem).track() + ": every recorded sample is a sample of the take");
        // An xrun before the take's first sample moves everything after it by whole periods, as a break does
        // inside the take: exact on a quiet machine, off by at most as many periods as xruns left unexplained.
        long off = Math.abs(landed - TAKE_START);
        boolean explained = off % PERIOD == 0 && breaks + off / PERIOD <= xruns;
        assertTrue(explained, TRACKS.get(stem).track() + ": every take frame once, in"
                + " order, at the take's timeline position " + TAKE_START + ", but where an xrun explains a break or a"
                + " shift by whole periods: landed at " + landed + ", " + breaks + " breaks, " + xruns + " xruns;"
                + " first break: " + firstBreak);
    }

    /** Cycles missed on the server (jackd logs each client that was not finished) and by the player. */
    private static int xruns() throws IOException {
        int logged = (int) java.nio.file.Files.readAllLines(jack.log()).stream()
                .filter(line -> line.contains("XRun") || line.contains("was not finished")).count();
        return logged + (int) player.stats().xruns();
    }

    /** Polls the session file Ardour rewrites on save (there is no event to wait on), at most 10 s. */
    private static Map<String, RecordedSources> awaitSavedSources() throws Exception {
        Map<String, RecordedSources> found = new LinkedHashMap<>();
        long deadline = System.nanoTime() + SAVE_WAIT.toNanos();
        String last = "nothing read";
        while (System.nanoTime() < deadline) {
            found.clear();
            try {
                for (ArdourTrack track : TRACKS) {
                    found.put(track.track(), RecordedSources.of(session.sessionFile(), track.track(), RATE));
                }
                last = found.toString();
                if (found.values().stream().allMatch(sources -> sources.sources().size() >= 2)) {
                    return found;
                }
            } catch (IOException e) {
                last = e.getMessage(); // being rewritten by the save
            }
            Thread.sleep(100);
        }
        return fail("waited " + SAVE_WAIT.toSeconds() + " s for the saved session to list two captured sources per"
                + " track; last read: " + last + "; Ardour's log: " + ArdourTestSession.tail(ardour.log()));
    }

    @Test
    void namesWhatIsMissingInOneLine() throws Exception {
        IOException wrongStrip = assertThrows(IOException.class, () -> ArdourRecording.open(player,
                ardourEndpoints(), ArdourRecording.DEFAULT_CLIENT, List.of(new ArdourTrack("drums", "Drums", 2))));
        assertEquals("Ardour's strip 2 is 'Bass Line' (expected: track 'Drums'; the session's strips: "
                + "{1=Drums, 2=Bass Line})", wrongStrip.getMessage());
        IOException noTrack = assertThrows(IOException.class, () -> ArdourRecording.open(player,
                ardourEndpoints(), ArdourRecording.DEFAULT_CLIENT, List.of(new ArdourTrack("bass", "Strings", 3))));
        assertTrue(noTrack.getMessage().startsWith("Ardour's strip 3 is not there (expected: track 'Strings'"),
                noTrack.getMessage());
        IOException noPort = assertThrows(IOException.class, () -> ArdourRecording.open(player,
                ardourEndpoints(), "ardour-elsewhere", List.of(new ArdourTrack("bass", "Bass Line", 2))));
        assertEquals("cannot connect v2m:bass_L to ardour-elsewhere:Bass Line/audio_in 1 (no such JACK port: is "
                + "Ardour on this JACK server as client 'ardour-elsewhere', and is 'Bass Line' a stereo audio "
                + "track?)", noPort.getMessage());
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            OscEndpoints nobody = OscEndpoints.of("127.0.0.1", silent.getLocalPort(), 0);
            IOException noAnswer = assertThrows(IOException.class, () -> ArdourRecording.open(player, nobody,
                    ArdourRecording.DEFAULT_CLIENT, TRACKS));
            assertTrue(noAnswer.getMessage().startsWith("Ardour does not answer OSC at "), noAnswer.getMessage());
        }
    }

    private static OscEndpoints ardourEndpoints() throws IOException {
        return OscEndpoints.of("127.0.0.1", ArdourOscTransportSource.ARDOUR_PORT,
                ArdourOscTransportSource.FEEDBACK_PORT);
    }

    private static PlayableTake frameCodedTake() {
        Map<String, float[][]> stems = new LinkedHashMap<>();
        for (int s = 0; s < STEMS.size(); s++) {
            float[][] channels = new float[2][TAKE_FRAMES];
            for (int k = 0; k < TAKE_FRAMES; k++) {
                channels[0][k] = code(s, k);
                channels[1][k] = -code(s, k);
            }
            stems.put(STEMS.get(s), channels);
        }
        return new PlayableTake(TAKE_START, RATE, stems);
    }

    /** Exact in float: an integer below 2^24 times a power of two. */
    private static float code(int stem, long k) {
        return (k + 1) * (stem + 1) * UNIT;
    }

    private static int firstNonZero(float[] samples) {
        for (int i = 0; i < samples.length; i++) {
            if (samples[i] != 0f) {
                return i;
            }
        }
        return -1;
    }
}
