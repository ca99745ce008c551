package org.v2mzero.host.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.v2mzero.bridge.osc.ReaperOscTransportSource;
import org.v2mzero.bridge.reaper.ReaperImportTrigger;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.Json;

/**
 * The daemon's settings: one JSON file (every field optional, unknown fields refused so a typo is
 * reported) merged under the command line's flags, then {@link #validated()}. {@code null} means
 * "default" until {@link #withDefaults()}. The file's format is documented in README ("The daemon").
 *
 * @param library      take library folder
 * @param soundfont    SF2 to render with; {@code null} searches the standard places
 * @param transport    {@code jack}, {@code ardour}, {@code reaper} or {@code none} (no player, API only)
 * @param dawHost      the DAW's host, for the OSC transports
 * @param dawPort      the DAW's OSC port; {@code null} for the dialect's standard (Ardour 3819, Reaper 8000)
 * @param feedbackPort local UDP port for the DAW's OSC feedback; {@code null} for the dialect's standard
 * @param apiHost      address the HTTP/WebSocket API binds; loopback unless a token is set
 * @param apiPort      its TCP port; 0 picks a free one
 * @param apiToken     bearer token required on every request; required when {@code apiHost} is not loopback
 * @param oscPort      UDP port of the OSC control surface ({@code /v2m/...}); 0 picks a free one, -1 disables it
 * @param oscAllow     hosts besides loopback whose OSC control messages are obeyed
 * @param jackClient   the player's JACK client name
 * @param stems        the stems new takes have and the player has ports for
 * @param prompt       the prompt a new session starts with
 * @param reaperImport with transport {@code reaper}: every new take is imported into Reaper's project by the
 *                     ReaScript of {@code examples/reaper/} (queue file + {@code /action/<id>}); default off
 * @param reaperResourcePath Reaper's resource folder (the queue lies under it); {@code null} for the standard one
 * @param reaperCommandId the registered script's command id; {@code null} for {@code _V2M_IMPORT_TAKE}
 */
public record DaemonConfig(String library, String soundfont, String transport, String dawHost, Integer dawPort,
        Integer feedbackPort, String apiHost, Integer apiPort, String apiToken, Integer oscPort,
        List<String> oscAllow, String jackClient, List<String> stems, String prompt, Boolean reaperImport,
        String reaperResourcePath, String reaperCommandId) {

    /** The settings without the Reaper import ones (left at their defaults). */
    public DaemonConfig(String library, String soundfont, String transport, String dawHost, Integer dawPort,
            Integer feedbackPort, String apiHost, Integer apiPort, String apiToken, Integer oscPort,
            List<String> oscAllow, String jackClient, List<String> stems, String prompt) {
        this(library, soundfont, transport, dawHost, dawPort, feedbackPort, apiHost, apiPort, apiToken, oscPort,
                oscAllow, jackClient, stems, prompt, null, null, null);
    }

    public static final List<String> ALL_STEMS = List.of("drums", "bass", "harmony", "melody", "fx");
    public static final int DEFAULT_API_PORT = 7870;
    public static final int DEFAULT_OSC_PORT = 9010;
    private static final Set<String> TRANSPORTS = Set.of("jack", "ardour", "reaper", "none");

    /** Every field {@code null}: all defaults. */
    public static DaemonConfig empty() {
        return new DaemonConfig(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Reads a configuration file; one clear line naming the file, line and field when it is wrong. */
    public static DaemonConfig read(Path file) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such configuration file");
        }
        return Json.readStrict(file, DaemonConfig.class);
    }

    /** This configuration with every field {@code over} sets replaced by {@code over}'s value. */
    public DaemonConfig overriddenBy(DaemonConfig over) {
        return new DaemonConfig(pick(over.library, library), pick(over.soundfont, soundfont),
                pick(over.transport, transport), pick(over.dawHost, dawHost), pick(over.dawPort, dawPort),
                pick(over.feedbackPort, feedbackPort), pick(over.apiHost, apiHost), pick(over.apiPort, apiPort),
                pick(over.apiToken, apiToken), pick(over.oscPort, oscPort), pick(over.oscAllow, oscAllow),
                pick(over.jackClient, jackClient), pick(over.stems, stems), pick(over.prompt, prompt),
                pick(over.reaperImport, reaperImport), pick(over.reaperResourcePath, reaperResourcePath),
                pick(over.reaperCommandId, reaperCommandId));
    }

    /** Every unset field at its default. */
    public DaemonConfig withDefaults() {
        return new DaemonConfig(pick(library, "takes"), soundfont, pick(transport, "jack"),
                pick(dawHost, "127.0.0.1"), dawPort, feedbackPort, pick(apiHost, "127.0.0.1"),
                pick(apiPort, DEFAULT_API_PORT), apiToken, pick(oscPort, DEFAULT_OSC_PORT), pick(oscAllow, List.of()),
                pick(jackClient, "v2m"), pick(stems, ALL_STEMS), pick(prompt, "cinematic orchestral underscore"),
                pick(reaperImport, false), pick(reaperResourcePath, ReaperImportTrigger.defaultResourcePath().toString()),
                pick(reaperCommandId, ReaperImportTrigger.DEFAULT_COMMAND_ID));
    }

    /**
     * This configuration (with defaults) if it is usable; otherwise one line naming the setting.
     */
    public DaemonConfig validated() throws BadInputException {
        DaemonConfig c = withDefaults();
        if (!TRANSPORTS.contains(c.transport.toLowerCase(Locale.ROOT))) {
            throw new BadInputException("transport : " + c.transport + " (expected: jack, ardour, reaper or none)");
        }
        port("apiPort", c.apiPort, 0);
        port("oscPort", c.oscPort, -1);
        if (c.dawPort != null) {
            port("dawPort", c.dawPort, 1);
        }
        if (c.feedbackPort != null) {
            port("feedbackPort", c.feedbackPort, 0);
        }
        for (String stem : c.stems) {
            if (!ALL_STEMS.contains(stem)) {
                throw new BadInputException("stems : " + stem + " (expected some of " + ALL_STEMS + ")");
            }
        }
        if (c.stems.isEmpty()) {
            throw new BadInputException("stems : [] (expected some of " + ALL_STEMS + ")");
        }
        if (!loopback(c.apiHost) && (c.apiToken == null || c.apiToken.length() < 16)) {
            throw new BadInputException("apiHost : " + c.apiHost + " is reachable from other machines; set apiToken"
                    + " (16 or more characters) to bind it");
        }
        for (String host : c.oscAllow) {
            address("oscAllow", host);
        }
        if (c.reaperImport && !c.transport.equalsIgnoreCase("reaper")) {
            throw new BadInputException("reaperImport : true needs transport reaper (it is " + c.transport + ")");
        }
        try {
            ReaperOscTransportSource.requireActionId(c.reaperCommandId);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage().replaceFirst("^commandId", "reaperCommandId"));
        }
        return c;
    }

    /** The OSC allow-list as addresses; call on a validated configuration. */
    public List<InetAddress> oscAllowAddresses() throws BadInputException {
        List<InetAddress> out = new java.util.ArrayList<>();
        for (String host : oscAllow) {
            out.add(address("oscAllow", host));
        }
        return out;
    }

    static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static InetAddress address(String field, String host) throws BadInputException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BadInputException(field + " : " + host + " (expected: a host name or address this machine"
                    + " resolves)");
        }
    }

    private static void port(String field, int value, int min) throws BadInputException {
        if (value < min || value > 65_535) {
            throw new BadInputException(field + " : " + value + " (expected: " + min + "..65535)");
        }
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
