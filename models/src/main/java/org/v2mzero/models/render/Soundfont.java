package org.v2mzero.models.render;

import java.nio.file.Path;
import java.util.Optional;
import javax.sound.midi.Soundbank;
import org.v2mzero.protocol.TakeManifest;

/**
 * A loaded soundbank and where it came from. The {@link Soundbank} is loaded once and shared by every
 * stem a renderer renders.
 *
 * @param path      the SF2 file, or {@code null} for Java's built-in bank
 * @param name      the bank's own name
 * @param version   the SF2 {@code ifil} version, e.g. {@code 2.1}; {@code null} for the built-in bank
 * @param soundbank the loaded bank
 * @param warning   one line for the user when the choice is poor (e.g. the built-in fallback)
 */
public record Soundfont(Path path, String name, String version, Soundbank soundbank, Optional<String> warning) {
    public Soundfont {
        if (soundbank == null) {
            throw new IllegalArgumentException("soundbank : null (expected: a loaded bank)");
        }
        warning = warning == null ? Optional.empty() : warning;
    }

    /** The manifest's description of this soundfont. */
    public TakeManifest.SoundfontInfo info() {
        return new TakeManifest.SoundfontInfo(path == null ? null : path.toAbsolutePath().toString(), name, version);
    }
}
