package org.v2mzero.host.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.v2mzero.host.daemon.DaemonConfig;
import org.v2mzero.host.daemon.DaemonEvent;
import org.v2mzero.host.daemon.DaemonServer;
import org.v2mzero.host.daemon.JobInfo;
import org.v2mzero.host.daemon.OpenSession;
import org.v2mzero.host.daemon.SessionInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code v2m daemon}: the product a composer leaves running beside the DAW. Settings come from
 * {@code --config FILE} (JSON, see README) with these flags on top; it runs until interrupted and
 * prints each job's progress.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
        description = "Run beside the DAW: follow its transport, make and play takes, serve the API and panel.")
final class DaemonCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "JSON settings (flags override them)")
    Path configFile;

    @Option(names = {"-o", "--library"}, paramLabel = "DIR", description = "take library (default: takes)")
    String library;

    @Option(names = "--transport", paramLabel = "jack|ardour|reaper|none",
            description = "transport to follow (default: jack; none: no player, API only)")
    String transport;

    @Option(names = "--daw-host", paramLabel = "HOST", description = "the DAW's host for OSC (default: 127.0.0.1)")
    String dawHost;

    @Option(names = "--daw-port", paramLabel = "PORT", description = "the DAW's OSC port (default: Ardour 3819, Reaper 8000)")
    Integer dawPort;

    @Option(names = "--feedback-port", paramLabel = "PORT",
            description = "UDP port for the DAW's OSC feedback (default: Ardour 8000, Reaper 9000)")
    Integer feedbackPort;

    @Option(names = "--api-host", paramLabel = "HOST", description = "API address (default: 127.0.0.1)")
    String apiHost;

    @Option(names = "--api-port", paramLabel = "PORT", description = "API port, 0 for any (default: 7870)")
    Integer apiPort;

    @Option(names = "--osc-port", paramLabel = "PORT",
            description = "OSC control port, 0 for any, -1 for none (default: 9010)")
    Integer oscPort;

    @Option(names = "--osc-allow", paramLabel = "HOST", split = ",",
            description = "hosts besides loopback whose OSC commands are obeyed")
    List<String> oscAllow;

    @Option(names = "--client", paramLabel = "NAME", description = "JACK client name (default: v2m)")
    String client;

    @Option(names = "--stems", paramLabel = "STEM", split = ",", description = "stems of new takes and player ports"
            + " (default: drums,bass,harmony,melody,fx)")
    List<String> stems;

    @Option(names = {"-p", "--prompt"}, paramLabel = "TEXT", description = "prompt new sessions start with")
    String prompt;

    @Option(names = "--soundfont", paramLabel = "SF2", description = "General MIDI SF2 to render with")
    String soundfont;

    @Option(names = "--open", paramLabel = "PROJECT|VIDEO", description = "sessions to open at start")
    List<Path> open;

    @Option(names = "--for", paramLabel = "SECONDS", description = "stop after this long (default: until interrupted)")
    Double seconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // The token stays out of the command line (and so out of `ps`): environment or config file only.
        DaemonConfig flags = new DaemonConfig(library, soundfont, transport, dawHost, dawPort, feedbackPort, apiHost,
                apiPort, System.getenv("V2M_API_TOKEN"), oscPort, oscAllow, client, stems, prompt);
        DaemonConfig file = configFile == null ? DaemonConfig.empty() : DaemonConfig.read(configFile);
        DaemonConfig config = file.overriddenBy(flags).validated();
        PrintWriter out = spec.commandLine().getOut();
        try (UntilStopped running = new UntilStopped("daemon"); DaemonServer server = DaemonServer.start(config);
                AutoCloseable progress = server.daemon().subscribe(event -> print(out, event))) {
            out.println("v2m daemon: panel and API at " + server.url() + ", OSC control "
                    + (server.oscPort() < 0 ? "off" : "on UDP " + server.oscPort()) + ", transport "
                    + config.transport() + ", library " + Path.of(config.library()).toAbsolutePath().normalize());
            if ("DISCONNECTED".equals(server.daemon().transport().player())) {
                out.println("  no JACK server \"" + System.getenv().getOrDefault("JACK_DEFAULT_SERVER", "default")
                        + "\" yet; the player connects when one starts");
            }
            out.flush();
            for (Path path : open == null ? List.<Path>of() : open) {
                SessionInfo s = server.daemon().openSession(new OpenSession(path.toString(), null, null, null));
                out.println("session " + s.id() + ": " + s.path() + " (" + (s.currentTakeId() == null ? "no take yet"
                        : "take " + s.currentTakeId() + " current") + ")");
                out.flush();
            }
            running.await(seconds);
            out.println("v2m daemon: stopped");
            out.flush();
            return 0;
        }
    }

    /** One line per job stage and per take, the daemon's progress for whoever started it in a terminal. */
    private static void print(PrintWriter out, DaemonEvent event) {
        if (event.data() instanceof JobInfo job && !event.type().equals(DaemonEvent.TRANSPORT)) {
            String line = switch (job.state()) {
                case "done" -> "take " + job.takeId() + " ready";
                case "failed" -> "failed: " + job.error();
                default -> ProgressBar.of(job.progress()) + " " + job.stage();
            };
            out.println("  " + job.id() + " " + line);
            out.flush();
        } else if (event.type().equals(DaemonEvent.ERROR)) {
            out.println("  " + event.data());
            out.flush();
        }
    }
}
