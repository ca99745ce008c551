package org.v2mzero.host.daemon;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.v2mzero.bridge.jack.JackStemPlayer;
import org.v2mzero.bridge.jack.JackTransportSource;
import org.v2mzero.bridge.jack.PlayableTake;
import org.v2mzero.bridge.osc.OscTransportSource;
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
 * <p>The transport is started in the background and retried every 2 s while its server or DAW is not
 * there; the player reconnects by itself (see {@link JackStemPlayer}). Any thread.
 */
final class Playback implements AutoCloseable {
    /**
     * How far ahead of the playhead a swap is scheduled: the time from deciding to the audio thread
     * seeing the new take (one hand-off, plus OSC's coarse position) must stay below it.
     */
    static final double SWAP_LEAD_SECONDS = 0.25;
    private static final Logger LOG = Logger.getLogger(Playback.class.getName());
    private static final long RETRY_SECONDS = 2;

    private final String name;
    private final TransportSource transport;
    private final JackStemPlayer player;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "v2m-playback");
        t.setDaemon(true);
        return t;
    });
    // Which take each loaded audio is, to report what the audio thread plays; weak so old takes go.
    private final Map<PlayableTake, String> playingTakeIds = Collections.synchronizedMap(new WeakHashMap<>());
    private volatile boolean transportUp;

    private Playback(String name, TransportSource transport, JackStemPlayer player) {
        this.name = name;
        this.transport = transport;
        this.player = player;
    }

    /** Builds and starts the configured transport and player (a validated configuration). */
    static Playback start(DaemonConfig config) throws IOException {
        String name = config.transport().toLowerCase(Locale.ROOT);
        if (name.equals("none")) {
            return new Playback(name, null, null);
        }
        List<String> stems = config.stems();
        Playback p;
        if (name.equals("jack")) {
            p = new Playback(name, new JackTransportSource(config.jackClient() + "-transport"),
                    new JackStemPlayer(config.jackClient(), stems));
        } else {
            // An OSC DAW's positions are in samples at the JACK server's rate, so that server comes first.
            DawTransport daw = DawTransport.named(name);
            OscTransportSource osc = daw.open(config.dawHost(), config.dawPort(), config.feedbackPort());
            p = new Playback(name, osc, JackStemPlayer.following(config.jackClient(), stems, osc));
            p.transportUp = true;
        }
        p.player.start();
        if (!p.transportUp) {
            p.retries.execute(p::startTransport);
        }
        return p;
    }

    private void startTransport() {
        try {
            transport.start();
            transportUp = true;
            LOG.info(name + " transport followed");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, name + " transport not reachable yet: " + e.getMessage(), e);
            retries.schedule(this::startTransport, RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** Where the transport stands; stopped at 0 while it is not reachable. */
    TransportState state() {
        return transport != null && transportUp ? transport.state() : TransportState.stopped(48_000, System.nanoTime());
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
        retries.shutdownNow();
        if (player != null) {
            player.close();
        }
        if (transport != null) {
            transport.close();
        }
    }
}
