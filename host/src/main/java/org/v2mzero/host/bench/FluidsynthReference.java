package org.v2mzero.host.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * The reference a render benchmark is measured against: the FluidSynth command-line synthesizer
 * (Debian {@code fluidsynth}) rendering a MIDI file to a WAV file with the same SF2, at 48 kHz, with its
 * reverb and chorus off as the project's renderer has them:
 * {@code fluidsynth -ni -q -R 0 -C 0 -r 48000 -F OUT.wav SF2 MIDI}. Static methods; any thread.
 */
final class FluidsynthReference {
    private FluidsynthReference() {}

    /** The fluidsynth executable on PATH, if any. */
    static Optional<Path> find() {
        return Executables.onPath("fluidsynth");
    }

    /**
     * Renders the MIDI file once into {@code wav}.
     *
     * @return seconds of audio fluidsynth wrote
     */
    static double render(Path fluidsynth, Path sf2, Path midi, Path wav, int sampleRate)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(fluidsynth.toString(), "-ni", "-q", "-R", "0", "-C", "0",
                "-r", Integer.toString(sampleRate), "-F", wav.toString(), sf2.toString(), midi.toString())
                .redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || !Files.isRegularFile(wav)) {
            throw new IOException("fluidsynth could not render " + midi + ": " + new String(output).strip());
        }
        try {
            AudioFileFormat format = AudioSystem.getAudioFileFormat(wav.toFile());
            return format.getFrameLength() / (double) format.getFormat().getFrameRate();
        } catch (UnsupportedAudioFileException e) {
            throw new IOException("fluidsynth wrote an unreadable " + wav + " (" + e.getMessage() + ")", e);
        }
    }
}
