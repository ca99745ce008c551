package org.v2mzero.host.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.v2mzero.bridge.jack.JackStemPlayer;
import org.v2mzero.bridge.jack.PlayableTake;
import org.v2mzero.bridge.jack.PlayerState;
import org.v2mzero.bridge.osc.OscTransportSource;
import org.v2mzero.bridge.osc.ReaperOscTransportSource;
import org.v2mzero.bridge.reaper.ReaperImportTrigger;
import org.v2mzero.bridge.transport.TransportSource;
import org.v2mzero.host.play.DawTransport;
import org.v2mzero.host.play.TakeAudio;
import org.v2mzero.protocol.TakeManifest;
import org.v2mzero.protocol.TransportState;

/**
 * The daemon's ears on the DAW and voice into it: the followed transport and the JACK player. A take
 * made current is loaded here (off the audio thread) and handed to the player to start at the next bar
 * line the transport has not reached yet, so the player never waits on the generator and a swap lands
 * where a composer would cut. With transport {@code none} there is neither (API only).
 *
 * <p>The JACK transport is read from the player itself (what its last process cycle saw): a second JACK
 * client would only be one more thing that can fail when the server dies (polling a client whose server
 * was killed crashes libjack). An OSC transport needs the JACK server up first (its rate is the
 * session's). The player reconnects by itself (see {@link JackStemPlayer}); a server
 * that goes away, and one that comes back, are each said once. Any thread.
 */
final class Playback implements AutoCloseable {
    /**
     * How far ahead of the playhead a swap is scheduled: the time from deciding to the audio thread
     * seeing the new take (one hand-off, plus OSC's coarse position) must stay below it.
     */
    static final double SWAP_LEAD_SECONDS = 0.25;
    private static final Logger LOG = Logger.getLogger(Playback.class.getName());

    private final String name;
    private final TransportSource transport; // an OSC DAW's; null for JACK (the player's) and none
    private final JackStemPlayer player;
    private final Consumer<String> notices;
    private volatile ReaperImportTrigger reaperImport; // set once at start when configured
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "v2m-playback");
        t.setDaemon(true);
        return t;
    });
    // Which take each loaded audio is, to report what the audio thread plays; weak so old takes go.
    private final Map<PlayableTake, String> playingTakeIds = Collections.synchronizedMap(new WeakHashMap<>());
    private long connectsSeen; // watcher thread only
    private boolean serverGone; // watcher thread only

    private Playback(String name, TransportSource transport, JackStemPlayer player, Consumer<String> notices) {
        this.name = name;
        this.transport = transport;
        this.player = player;
        this.notices = notices;
    }

    /**
     * Builds and starts the configured transport and player (a validated configuration).
     *
     * @param notices hears one line when the JACK server goes away or comes back (on this class's thread)
     */
    static Playback start(DaemonConfig config, Consumer<String> notices) throws IOException {
        String name = config.transport().toLowerCase(Locale.ROOT);
        if (name.equals("none")) {
            return new Playback(name, null, null, notices);
        }
        List<String> stems = config.stems();
        Playback p;
        if (name.equals("jack")) {
            p = new Playback(name, null, new JackStemPlayer(config.jackClient(), stems), notices);
        } else {
            // An OSC DAW's positions are in samples at the JACK server's rate, so that server comes first.
            DawTransport daw = DawTransport.named(name);
            OscTransportSource osc = daw.open(config.dawHost(), config.dawPort(), config.feedbackPort());
            p = new Playback(name, osc, JackStemPlayer.following(config.jackClient(), stems, osc), notices);
            if (config.reaperImport()) {
                p.reaperImport = new ReaperImportTrigger(ReaperImportTrigger.queueDir(
                        Path.of(config.reaperResourcePath())), config.reaperCommandId(), (ReaperOscTransportSource) osc);
            }
        }
        p.player.start();
        p.watcher.scheduleWithFixedDelay(p::watchServer, 1, 1, TimeUnit.SECONDS);
        return p;
    }

    /** Once a second: says when the JACK server went away, and when the player is on one again. */
    private void watchServer() {
        PlayerState state = player.state();
        if (state == PlayerState.DISCONNECTED && !serverGone && connectsSeen > 0) {
            serverGone = true;
            notices.accept("JACK server went away; the daemon keeps its sessions and takes and reconnects when"
                    + " it is back");
        }
        long connects = player.stats().connects();
        if (connects > connectsSeen) {
            boolean again = connectsSeen > 0;
            connectsSeen = connects;
            serverGone = false;
            if (again) {
                notices.accept("JACK server is back; playing again");
            }
        }
    }

    /** Where the transport stands; stopped at 0 while it is not reachable. */
    TransportState state() {
        if (transport != null) {
            return transport.state();
        }
        return player != null ? player.transport() : TransportState.stopped(48_000, System.nanoTime());
    }

    /**
     * Loads {@code take} and has the player switch to it at the next bar line (of the take's tempo map)
     * that lies at least {@link #SWAP_LEAD_SECONDS} ahead of a rolling transport; at once when stopped.
     * Runs on a job thread: loading reads every stem into memory.
     *
     * @return the timeline second the swap is scheduled at, or {@code NaN} for "now" (or no player)
     */
    double play(Path takeDir, TakeManifest take) throws IOException {
        if (player == null) {
            return Double.NaN;
        }
        PlayableTake audio = TakeAudio.load(takeDir, take);
        playingTakeIds.put(audio, take.takeId());
        TransportState now = state();
        double swapAt = Double.NaN;
        long frame = JackStemPlayer.SWAP_NOW;
        if (now.playing()) {
            double takeTime = now.seconds() + SWAP_LEAD_SECONDS - take.timelineOffsetSeconds();
            if (takeTime >= 0 && takeTime < take.durationSeconds()) {
                swapAt = take.timelineOffsetSeconds() + BarLines.atOrAfter(take.tempoMap(), takeTime);
                frame = Math.round(swapAt * now.sampleRate());
            }
        }
        player.setTake(audio, frame);
        return swapAt;
    }

    /**
     * Has Reaper import the take onto new tracks at its position, when so configured (a queue file the
     * ReaScript reads, then its action over OSC). A failure is a notice, not a failed take: the take is
     * made; only the DAW did not get it.
     */
    void importIntoDaw(Path takeDir, TakeManifest take) {
        ReaperImportTrigger trigger = reaperImport;
        if (trigger == null) {
            return;
        }
        try {
            trigger.importTake(takeDir, take);
        } catch (IOException | RuntimeException e) {
            notices.accept("take " + take.takeId() + " not imported into Reaper: " + e.getMessage());
        }
    }

    TransportInfo info() {
        TransportState s = state();
        PlayableTake playing = player == null ? null : player.currentTake();
        return new TransportInfo(name, s.playing(), s.seconds(), player == null ? "OFF" : player.state().name(),
                playing == null ? null : playingTakeIds.get(playing));
    }

    long xruns() {
        return player == null ? 0 : player.stats().xruns();
    }

    @Override
    public void close() {
        watcher.shutdownNow();
        if (player != null) {
            player.close();
        }
        if (transport != null) {
            transport.close();
        }
    }
}
