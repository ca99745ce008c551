package org.v2mzero.models.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import com.sun.media.sound.SoftSynthesizer;
import org.v2mzero.protocol.BadInputException;

/**
 * Finds and loads the soundfont stems are rendered with.
 *
 * <p>Order: the explicit {@code --soundfont} path (which must be a valid SF2), then the environment
 * variable {@code V2M_SOUNDFONT}, then {@code /usr/share/sounds/sf2/FluidR3_GM.sf2}, then any {@code *.sf2}
 * in {@code /usr/share/sounds/sf2/} and {@code /usr/share/soundfonts/} (sorted by name, so the choice is
 * stable). With none found, Java's built-in bank is used with one warning.
 */
public final class SoundfontLocator {
    /** The environment variable naming a soundfont to use when no explicit path is given. */
    public static final String ENV = "V2M_SOUNDFONT";
    static final Path FLUID_R3 = Path.of("/usr/share/sounds/sf2/FluidR3_GM.sf2");
    static final List<Path> SEARCH_DIRS = List.of(Path.of("/usr/share/sounds/sf2"), Path.of("/usr/share/soundfonts"));
    static final String FALLBACK_WARNING = "no SF2 soundfont found (searched $" + ENV
            + ", /usr/share/sounds/sf2, /usr/share/soundfonts): rendering with Java's built-in bank, which"
            + " sounds poor; install the Debian package fluid-soundfont-gm or pass --soundfont FILE.sf2";

    private SoundfontLocator() {}

    /**
     * Locates and loads a soundfont. Any thread; loading a 140 MB bank takes about a second.
     *
     * @param explicitOrNull the user's {@code --soundfont}, or {@code null} to search
     * @throws BadInputException an explicit or {@code V2M_SOUNDFONT} file that is missing or not a valid SF2
     */
    public static Soundfont locate(Path explicitOrNull) throws BadInputException {
        if (explicitOrNull != null) {
            return load(explicitOrNull);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return load(Path.of(env));
        }
        for (Path candidate : candidates()) {
            try {
                return load(candidate);
            } catch (BadInputException unusable) {
                // A broken or SF3 file in a system folder is not the user's choice: try the next one.
                continue;
            }
        }
        return builtIn(Optional.of(FALLBACK_WARNING));
    }

    /** Loads one SF2 file after checking its header (SF3 and non-soundfonts are refused). */
    public static Soundfont load(Path file) throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": soundfont not found");
        }
        Sf2Header header = Sf2Header.read(file);
        try {
            Soundbank bank = MidiSystem.getSoundbank(file.toFile());
            if (bank.getInstruments().length == 0) {
                throw new BadInputException(file + ": soundfont has no instruments (expected: a General MIDI SF2)");
            }
            String name = header.name().isEmpty() ? bank.getName() : header.name();
            return new Soundfont(file, name, header.version(), bank, Optional.empty());
        } catch (BadInputException e) {
            throw e;
        } catch (InvalidMidiDataException | IOException | RuntimeException e) {
            throw new BadInputException(file + ": not a loadable SF2 soundfont (" + e.getMessage() + ")", e);
        }
    }

    /** Java's built-in bank (generated on first use when the JDK ships none), with an optional warning. */
    public static Soundfont builtIn(Optional<String> warning) throws BadInputException {
        SoftSynthesizer synth = new SoftSynthesizer();
        Soundbank bank = synth.getDefaultSoundbank();
        if (bank == null) {
            throw new BadInputException("Java's built-in soundbank is unavailable and no SF2 soundfont was found:"
                    + " install fluid-soundfont-gm or pass --soundfont FILE.sf2");
        }
        return new Soundfont(null, bank.getName(), null, bank, warning);
    }

    static List<Path> candidates() {
        List<Path> found = new ArrayList<>();
        if (Files.isRegularFile(FLUID_R3)) {
            found.add(FLUID_R3);
        }
        for (Path dir : SEARCH_DIRS) {
            found.addAll(sf2Files(dir));
        }
        return found;
    }

    private static List<Path> sf2Files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".sf2"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.equals(FLUID_R3))
                    .sorted()
                    .toList();
        } catch (IOException unreadable) {
            // An unreadable system folder just holds no candidates; the fallback warning tells the user.
            return List.of();
        }
    }
}
