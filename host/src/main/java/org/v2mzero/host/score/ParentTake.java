package org.v2mzero.host.score;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.v2mzero.host.play.TakeAudio;
import org.v2mzero.host.take.TakeWriter;
import org.v2mzero.models.compose.Arrangement;
import org.v2mzero.models.compose.Choke;
import org.v2mzero.models.compose.Key;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.MidiReader;
import org.v2mzero.models.render.WavReader;
import org.v2mzero.protocol.BadInputException;
import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.Json;
import org.v2mzero.protocol.TakeManifest;

/**
 * A take read back to be regenerated: its manifest, the analysis it was made from ({@code curve.json}),
 * its notes per stem on its own tempo map, and its audio as written. Nothing in the folder is changed.
 *
 * @param dir         the take's folder
 * @param manifest    its manifest
 * @param analysis    its curve analysis
 * @param arrangement its notes: per stem of the manifest, in order, with the stem's instrument
 * @param stemAudio   stem name to {@code [channel][frame]} samples, gain applied, as in its WAV
 * @param mix         the mix as in {@code mix.wav}
 */
record ParentTake(Path dir, TakeManifest manifest, CurveAnalysis analysis, Arrangement arrangement,
        Map<String, float[][]> stemAudio, float[][] mix) {

    /**
     * The manifest of a take that can be regenerated at this rate; the rest of the folder is not read yet.
     *
     * @throws BadInputException one line naming the folder when it is not such a take
     */
    static TakeManifest manifest(Path dir, int sampleRate) throws IOException {
        TakeManifest m = TakeAudio.manifest(dir);
        if (m.tempoMap() == null || m.stems().isEmpty() || m.loudness() == null) {
            throw new BadInputException(dir + ": the take records no tempo map, stems or mix gain (expected: a take"
                    + " written by v2m score; score it again)");
        }
        if (m.sampleRate() != sampleRate) {
            throw new BadInputException(dir + ": " + m.sampleRate() + " Hz take (expected: " + sampleRate + " Hz)");
        }
        return m;
    }

    /**
     * @param m          the take's {@link #manifest}
     * @param sampleRate the rate the new take is written at, which the parent has
     * @throws BadInputException one line naming the file that is missing or does not match the manifest
     */
    static ParentTake read(Path dir, TakeManifest m, int sampleRate) throws IOException {
        CurveAnalysis analysis = Json.read(existing(dir, m.curve()), CurveAnalysis.class);
        int frames = (int) Math.round(m.durationSeconds() * sampleRate);
        List<StemPart> parts = new ArrayList<>();
        Map<String, float[][]> audio = new LinkedHashMap<>();
        for (TakeManifest.Stem stem : m.stems()) {
            parts.add(part(dir, m, stem));
            audio.put(stem.name(), samples(existing(dir, stem.wav()), frames, sampleRate));
        }
        Arrangement arrangement = new Arrangement(m.style(), m.tempoMap(), m.durationSeconds(), parts, null,
                key(dir, m));
        return new ParentTake(dir, m, analysis, arrangement, audio, samples(existing(dir, m.mix()), frames, sampleRate));
    }

    /** The mix gain every stem of the take was written with, dB. */
    double gainDb() {
        return manifest.loudness().gainDb();
    }

    /**
     * The take's key: the manifest's {@code key}, or for takes written before it the end of the style it
     * was read as ({@code orchestral, D minor}), which the symbolic composer has always written that way.
     */
    static Key key(Path dir, TakeManifest m) throws BadInputException {
        String name = m.key();
        if (name == null && m.style() != null) {
            name = m.style().substring(m.style().lastIndexOf(", ") + 2);
        }
        try {
            return Key.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(dir + ": the take records no key (key " + m.key() + ", style \"" + m.style()
                    + "\"; expected e.g. D minor)", e);
        }
    }

    private static Path existing(Path dir, String file) throws BadInputException {
        Path path = dir.resolve(file == null ? "" : file);
        if (file == null || !Files.isRegularFile(path)) {
            throw new BadInputException(dir + ": the take's " + file + " is missing (expected: every file its "
                    + TakeWriter.MANIFEST + " names)");
        }
        return path;
    }

    private static StemPart part(Path dir, TakeManifest m, TakeManifest.Stem stem) throws BadInputException {
        List<StemPart> read = MidiReader.parts(existing(dir, stem.mid()), m.tempoMap());
        List<Note> notes = read.isEmpty() ? List.of() : read.get(0).notes();
        List<Choke> chokes = read.isEmpty() ? List.of() : read.get(0).chokes();
        boolean percussion = stem.program() < 0;
        return new StemPart(stem.name(), percussion ? 0 : stem.program(), percussion, notes, chokes);
    }

    private static float[][] samples(Path wav, int frames, int sampleRate) throws IOException {
        WavReader.Wav read = WavReader.read(wav);
        float[][] s = read.samples();
        if (read.sampleRate() != sampleRate || s.length != 2 || s[0].length != frames) {
            throw new BadInputException(wav + ": " + s.length + " channels of " + s[0].length + " frames at "
                    + read.sampleRate() + " Hz (expected: 2 of " + frames + " at " + sampleRate + " Hz, as the manifest says)");
        }
        return s;
    }
}
