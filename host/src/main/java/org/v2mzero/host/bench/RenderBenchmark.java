package org.v2mzero.host.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.v2mzero.host.score.ScoreJob;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.models.render.JavaSoundStemRenderer;
import org.v2mzero.models.render.MidiReader;
import org.v2mzero.models.render.Soundfont;
import org.v2mzero.models.render.StemRendering;

/**
 * Rendering speed: the project's renderer (one Gervill synthesizer per stem, stems in parallel, as a
 * take is rendered) against FluidSynth rendering the same MIDI file with the same SF2 in the same run,
 * as audio seconds per wall second and their ratio. One untimed warm-up run of each first, so JIT
 * compilation and the page cache treat both alike. Static methods; one run at a time.
 */
public final class RenderBenchmark {
    private RenderBenchmark() {}

    /**
     * @param midi               the rendered file
     * @param stems              parts (tracks with notes) the project's renderer rendered
     * @param audioSeconds       length of the project's render
     * @param v2mSeconds         median wall seconds of the project's render
     * @param fluidAudioSeconds  length of fluidsynth's render (it may add a release tail)
     * @param fluidSeconds       median wall seconds of fluidsynth, empty without fluidsynth or an SF2 file
     * @param why                why there is no reference, or empty
     */
    public record Result(Path midi, String soundfont, int runs, int stems, double audioSeconds, double v2mSeconds,
            double fluidAudioSeconds, OptionalDouble fluidSeconds, String why) {

        /** Audio seconds per wall second of the project's renderer. */
        public double v2mSpeed() {
            return audioSeconds / v2mSeconds;
        }

        public OptionalDouble fluidSpeed() {
            return fluidSeconds.isPresent() ? OptionalDouble.of(fluidAudioSeconds / fluidSeconds.getAsDouble())
                    : OptionalDouble.empty();
        }

        /** Our speed over fluidsynth's: above 1 means the project renders faster. */
        public OptionalDouble ratioToFluidsynth() {
            return fluidSeconds.isPresent() ? OptionalDouble.of(v2mSpeed() / fluidSpeed().getAsDouble())
                    : OptionalDouble.empty();
        }

        public String report() {
            StringBuilder s = new StringBuilder();
            s.append(String.format(Locale.ROOT, "midi        %s (%.2f s, %d stems), %s, median of %d runs, %d cores%n",
                    midi.getFileName(), audioSeconds, stems, soundfont, runs, Runtime.getRuntime().availableProcessors()));
            s.append(String.format(Locale.ROOT, "v2m render  %.3f s  %.1f audio s / wall s (Gervill, one synth per stem)%n",
                    v2mSeconds, v2mSpeed()));
            if (fluidSeconds.isPresent()) {
                s.append(String.format(Locale.ROOT, "fluidsynth  %.3f s  %.1f audio s / wall s (-F, 48 kHz, reverb and chorus off)%n",
                        fluidSeconds.getAsDouble(), fluidSpeed().getAsDouble()));
                s.append(String.format(Locale.ROOT, "ratio       %.2f (v2m speed / fluidsynth speed)%n",
                        ratioToFluidsynth().getAsDouble()));
            } else {
                s.append("fluidsynth  ").append(why).append(": no reference, no ratio\n");
            }
            return s.toString();
        }
    }

    /**
     * @param midi      a Standard MIDI File, e.g. a take's {@code score.mid}
     * @param soundfont the SF2 both renderers use (the built-in bank gives no fluidsynth reference)
     * @param runs      timed runs of each, at least 1
     * @param scratch   a folder for fluidsynth's WAV
     */
    public static Result run(Path midi, Soundfont soundfont, int runs, Path scratch) throws Exception {
        List<StemPart> parts = MidiReader.parts(midi);
        if (parts.isEmpty()) {
            throw new IOException(midi + ": no notes to render");
        }
        double duration = parts.stream().flatMap(p -> p.notes().stream())
                .mapToDouble(n -> n.startSeconds() + n.durationSeconds()).max().orElseThrow();
        JavaSoundStemRenderer renderer = new JavaSoundStemRenderer(soundfont, ScoreJob.SAMPLE_RATE);
        StemRendering.renderAll(renderer, parts, duration);
        double v2m = Stopwatch.medianSeconds(runs, () -> StemRendering.renderAll(renderer, parts, duration));
        var fluidsynth = FluidsynthReference.find();
        if (fluidsynth.isEmpty() || soundfont.path() == null) {
            String why = fluidsynth.isEmpty() ? "not installed (Debian: apt install fluidsynth)" : "built-in soundbank";
            return new Result(midi, soundfont.name(), runs, parts.size(), duration, v2m, 0, OptionalDouble.empty(), why);
        }
        Path wav = Files.createDirectories(scratch).resolve("fluidsynth.wav");
        double[] fluidAudio = new double[1];
        FluidsynthReference.render(fluidsynth.get(), soundfont.path(), midi, wav, ScoreJob.SAMPLE_RATE);
        double fluid = Stopwatch.medianSeconds(runs, () -> fluidAudio[0] =
                FluidsynthReference.render(fluidsynth.get(), soundfont.path(), midi, wav, ScoreJob.SAMPLE_RATE));
        Files.deleteIfExists(wav);
        return new Result(midi, soundfont.name(), runs, parts.size(), duration, v2m, fluidAudio[0],
                OptionalDouble.of(fluid), "");
    }
}
