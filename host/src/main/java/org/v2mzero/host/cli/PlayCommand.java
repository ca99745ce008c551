package org.v2mzero.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.v2mzero.bridge.jack.JackStemPlayer;
import org.v2mzero.bridge.jack.PlayableTake;
import org.v2mzero.bridge.jack.PlayerState;
import org.v2mzero.bridge.jack.PlayerStats;
import org.v2mzero.bridge.osc.OscTransportSource;
import org.v2mzero.host.play.DawTransport;
import org.v2mzero.host.play.TakeAudio;
import org.v2mzero.protocol.TakeManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code v2m play TAKE_DIR}: the smallest useful bridge. A JACK client with a port pair per stem and
 * {@code mix_L}/{@code mix_R} plays the take at the transport's frame (start the DAW, roll, and the stems
 * sound under the picture) until interrupted or {@code --for} ends. The transport is JACK's, or with
 * {@code --transport ardour|reaper} the DAW's over OSC, at the JACK server's sample rate.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = "Play a take into JACK, locked to the JACK transport or a DAW's over OSC, until interrupted.")
final class PlayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "TAKE_DIR", description = "a take folder (with manifest.json)")
    Path takeDir;

    @Option(names = "--transport", paramLabel = "jack|ardour|reaper",
            description = "transport to follow: JACK's, or Ardour's or Reaper's over OSC (default: ${DEFAULT-VALUE})")
    String transport = "jack";

    @Option(names = "--daw-host", paramLabel = "HOST", description = "the DAW's host for OSC (default: ${DEFAULT-VALUE})")
    String dawHost = "127.0.0.1";

    @Option(names = "--daw-port", paramLabel = "PORT",
            description = "the DAW's OSC port (default: Ardour 3819, Reaper 8000)")
    Integer dawPort;

    @Option(names = "--listen-port", paramLabel = "PORT",
            description = "UDP port for the DAW's OSC feedback (default: Ardour 8000, Reaper 9000)")
    Integer listenPort;

    @Option(names = "--client", paramLabel = "NAME", description = "JACK client name (default: ${DEFAULT-VALUE})")
    String client = "v2m";

    @Option(names = "--connect-mix", paramLabel = "PORT", arity = "2",
            description = "connect mix_L and mix_R to these two ports, e.g. system:playback_1 system:playback_2")
    List<String> connectMix;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after this long (default: until interrupted)")
    Double seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        DawTransport followed = DawTransport.named(transport);
        TakeManifest manifest = TakeAudio.manifest(takeDir);
        PlayableTake take = TakeAudio.load(takeDir, manifest);
        if (followed == DawTransport.JACK) {
            return play(manifest, take, new JackStemPlayer(client, TakeAudio.stemNames(manifest)), null);
        }
        try (OscTransportSource source = followed.open(dawHost, dawPort, listenPort)) {
            spec.commandLine().getOut().printf(Locale.ROOT, "following %s at %s, feedback on UDP %d%n",
                    followed.label(), hostPort(followed), source.localPort());
            return play(manifest, take, JackStemPlayer.following(client, TakeAudio.stemNames(manifest), source),
                    source);
        }
    }

    private String hostPort(DawTransport followed) {
        return dawHost + ":" + (dawPort == null ? followed.dawPort : dawPort);
    }

    /** Runs {@code built} until stopped and reports; {@code osc} is the followed OSC source or null. */
    private int play(TakeManifest manifest, PlayableTake take, JackStemPlayer built, OscTransportSource osc)
            throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try (UntilStopped running = new UntilStopped("play"); JackStemPlayer player = built) {
            if (player.start() != PlayerState.CONNECTED) {
                err.println("  no JACK server \"" + System.getenv().getOrDefault("JACK_DEFAULT_SERVER", "default")
                        + "\" yet; waiting for one (Ctrl-C to stop)");
            }
            player.setTake(take, JackStemPlayer.SWAP_NOW);
            if (connectMix != null) {
                player.connect(JackStemPlayer.MIX + "_L", connectMix.get(0));
                player.connect(JackStemPlayer.MIX + "_R", connectMix.get(1));
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "playing %s from %.3f s on the timeline, ports %s:%s%n",
                    manifest.takeId(), manifest.timelineOffsetSeconds(), player.clientName(), player.portNames());
            spec.commandLine().getOut().flush();
            running.await(seconds);
            if (osc != null) {
                spec.commandLine().getOut().println("transport: " + DawTransport.describe(osc.state())
                        + ", " + osc.malformedMessages() + " malformed OSC messages");
            }
            return report(player.stats());
        }
    }

    private int report(PlayerStats s) {
        spec.commandLine().getOut().printf(Locale.ROOT,
                "stopped: %d callbacks at %d frames/period, %d xruns, callback p50 %.1f %% / p99 %.1f %% of the period%n",
                s.callbacks(), s.periodFrames(), s.xruns(), 100 * s.p50PeriodShare(), 100 * s.p99PeriodShare());
        if (s.callbacks() == 0) {
            spec.commandLine().getErr().println("v2m: played nothing: no JACK server came up");
            return ErrorReporter.EXIT_BAD_INPUT;
        }
        return 0;
    }
}
