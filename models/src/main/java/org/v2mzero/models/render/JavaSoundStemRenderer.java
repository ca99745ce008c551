package org.v2mzero.models.render;

import com.sun.media.sound.AudioSynthesizer;
import com.sun.media.sound.ModelPatch;
import com.sun.media.sound.SoftSynthesizer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sound.midi.Instrument;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.Patch;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import org.v2mzero.models.compose.Choke;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.BadInputException;

/**
 * Renders stems with Java Sound's software synthesizer (Gervill) in its offline mode: the synthesizer is
 * opened as an {@link AudioInputStream}, every MIDI event is queued with its microsecond timestamp, and
 * then exactly the needed frames are read. Nothing plays in real time, so the result does not depend on
 * the machine's speed.
 *
 * <p>Each stem gets a fresh synthesizer (no state leaks between stems), sharing the one loaded
 * {@link Soundfont}. Reverb and chorus are off and the output is 32-bit float, so rendering is
 * deterministic. Thread-safe: stems may render in parallel ({@link StemRendering}); loading an
 * instrument from the shared bank, which may read its samples lazily, is serialised on the bank.
 */
public final class JavaSoundStemRenderer implements StemRenderer {
    /** The project's sample rate (DESIGN.md §5). */
    public static final int DEFAULT_SAMPLE_RATE = 48_000;
    static final int DRUM_CHANNEL = 9;
    static final int MELODIC_CHANNEL = 0;
    /** Gervill's control rate (its default), blocks per second: MIDI events take effect per block. */
    static final double CONTROL_RATE = 147;
    /** A cut-off tail would click: the last 10 ms are faded out linearly. */
    static final double FADE_SECONDS = 0.01;
    /** Longest stem one byte array can hold as 32-bit float stereo. */
    static final long MAX_FRAMES = (Integer.MAX_VALUE - 64) / 8;

    private final Soundfont soundfont;
    private final int sampleRate;

    public JavaSoundStemRenderer(Soundfont soundfont) {
        this(soundfont, DEFAULT_SAMPLE_RATE);
    }

    /** @param sampleRate frames per second, 8000..192000 */
    public JavaSoundStemRenderer(Soundfont soundfont, int sampleRate) {
        if (soundfont == null) {
            throw new IllegalArgumentException("soundfont : null (expected: a located soundfont)");
        }
        if (sampleRate < 8000 || sampleRate > 192_000) {
            throw new IllegalArgumentException("sampleRate : " + sampleRate + " (expected: 8000..192000)");
        }
        this.soundfont = soundfont;
        this.sampleRate = sampleRate;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    public Soundfont soundfont() {
        return soundfont;
    }

    @Override
    public float[][] render(StemPart part, double durationSeconds) throws BadInputException {
        if (!(durationSeconds > 0) || !Double.isFinite(durationSeconds)) {
            throw new IllegalArgumentException("durationSeconds : " + durationSeconds + " (expected: > 0)");
        }
        long frames = Math.round(durationSeconds * sampleRate);
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("durationSeconds : " + durationSeconds + " (expected: <= "
                    + MAX_FRAMES / sampleRate + " at " + sampleRate + " Hz)");
        }
        AudioFormat format = new AudioFormat(AudioFormat.Encoding.PCM_FLOAT, sampleRate, 32, 2, 8, sampleRate, false);
        AudioSynthesizer synth = new SoftSynthesizer();
        try (AudioInputStream stream = synth.openStream(format, synthInfo())) {
            loadInstrument(synth, part);
            Receiver receiver = synth.getReceiver();
            for (Event e : events(part)) {
                receiver.send(e.message(), e.micros());
            }
            // Gervill delays every event by one control block; dropping that block puts notes on time.
            skip(stream, latencyFrames());
            float[][] audio = read(stream, (int) frames);
            choke(audio, part.chokes());
            fadeOut(audio, (int) Math.min(frames, Math.round(FADE_SECONDS * sampleRate)));
            return audio;
        } catch (MidiUnavailableException | IOException e) {
            throw new BadInputException("cannot render stem " + part.name() + " with " + soundfont.name()
                    + " (" + e.getMessage() + ")", e);
        } finally {
            synth.close();
        }
    }

    /**
     * Loads only the instrument the part plays: loading a whole 140 MB General MIDI bank into every
     * stem's synthesizer costs more than rendering. Banks without that patch fall back to all instruments
     * (Gervill then picks its nearest patch).
     */
    private void loadInstrument(AudioSynthesizer synth, StemPart part) {
        Soundbank bank = soundfont.soundbank();
        Patch patch = part.percussion() ? new ModelPatch(0, 0, true) : new Patch(0, part.program());
        // Gervill's SF2 bank reads sample data on first use without locking; one loader at a time.
        synchronized (bank) {
            Instrument instrument = bank.getInstrument(patch);
            if (instrument == null || !synth.loadInstrument(instrument)) {
                synth.loadAllInstruments(bank);
            }
        }
    }

    /** Gervill settings: no effects that could vary, many voices, no automatic gain riding. */
    private static Map<String, Object> synthInfo() {
        Map<String, Object> info = new HashMap<>();
        info.put("load default soundbank", false);
        info.put("reverb", false);
        info.put("chorus", false);
        info.put("auto gain control", false);
        info.put("max polyphony", 256);
        info.put("interpolation", "linear");
        info.put("jitter correction", false);
        info.put("control rate", (float) CONTROL_RATE);
        return info;
    }

    /** A MIDI message at its time; rank orders simultaneous events (program, then offs, then ons). */
    private record Event(long micros, int rank, ShortMessage message) {}

    /**
     * The part's events sorted by time. Order matters: Gervill moves a second event with an identical
     * timestamp one microsecond later, so a note-off sent after a repeated note-on would cut it.
     */
    static List<Event> events(StemPart part) {
        int channel = part.percussion() ? DRUM_CHANNEL : MELODIC_CHANNEL;
        List<Event> events = new ArrayList<>();
        try {
            if (!part.percussion()) {
                events.add(new Event(0, 0, new ShortMessage(ShortMessage.PROGRAM_CHANGE, channel, part.program(), 0)));
            }
            for (Note n : part.notes()) {
                long on = Math.round(n.startSeconds() * 1e6);
                long off = Math.round((n.startSeconds() + n.durationSeconds()) * 1e6);
                events.add(new Event(on, 2, new ShortMessage(ShortMessage.NOTE_ON, channel, n.pitch(), n.velocity())));
                events.add(new Event(Math.max(off, on + 1), 1, new ShortMessage(ShortMessage.NOTE_OFF, channel, n.pitch(), 0)));
            }
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("stem " + part.name() + " : invalid note (" + e.getMessage() + ")", e);
        }
        events.sort(Comparator.comparingLong(Event::micros).thenComparingInt(Event::rank));
        return events;
    }

    /** Frames of one Gervill control block, the synthesizer's constant event latency (auto gain off). */
    int latencyFrames() {
        return (int) (sampleRate / CONTROL_RATE);
    }

    /**
     * The part's chokes applied as exact gain ({@link Choke#gainAt}) rather than sent to Gervill as the
     * Expression the MIDI file carries: Gervill glides a controller over about 30 ms (a stem fell silent
     * 0.22 s before its hit, not 0.25 s), and the return to full would fade in the hit's own attack.
     */
    private void choke(float[][] audio, List<Choke> chokes) {
        for (Choke c : chokes) {
            int from = (int) Math.min(audio[0].length, Math.round(c.start() * sampleRate));
            int to = (int) Math.min(audio[0].length, Math.round(c.end() * sampleRate));
            for (int i = from; i < to; i++) {
                float gain = (float) c.gainAt(i / (double) sampleRate);
                for (float[] channel : audio) {
                    channel[i] *= gain;
                }
            }
        }
    }

    private static void fadeOut(float[][] audio, int fadeFrames) {
        int frames = audio[0].length;
        for (int i = 0; i < fadeFrames; i++) {
            float gain = i / (float) fadeFrames;
            for (float[] channel : audio) {
                channel[frames - 1 - i] *= gain;
            }
        }
    }

    private static void skip(AudioInputStream stream, int frames) throws IOException {
        byte[] skipped = stream.readNBytes(frames * 8);
        if (skipped.length < frames * 8) {
            throw new IOException("synthesizer stream ended after " + skipped.length / 8 + " frames");
        }
    }

    private static float[][] read(AudioInputStream stream, int frames) throws IOException {
        byte[] bytes = stream.readNBytes(frames * 8);
        if (bytes.length < frames * 8) {
            throw new IOException("synthesizer stream ended after " + bytes.length / 8 + " of " + frames + " frames");
        }
        float[][] out = new float[2][frames];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            out[0][i] = buf.getFloat();
            out[1][i] = buf.getFloat();
        }
        return out;
    }
}
