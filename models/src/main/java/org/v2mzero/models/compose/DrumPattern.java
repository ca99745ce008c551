package org.v2mzero.models.compose;

/**
 * One bar of drums on a sixteenth-note grid (4 steps per beat: 16 steps in 4/4, 12 in 3/4):
 * {@code x} loud, {@code o} soft, {@code .} rest, and the GM drum-kit pitch each of the three voices
 * plays (the style's drum vocabulary: a jazz "hat" is the ride, a folk "hat" the tambourine).
 *
 * @param kick       the low voice's steps
 * @param snare      the back-beat voice's steps
 * @param hat        the time-keeping voice's steps
 * @param kickPitch  GM percussion key of the low voice, e.g. 36 bass drum
 * @param snarePitch GM key of the back-beat voice, e.g. 38 snare, 40 electric snare, 39 clap
 * @param hatPitch   GM key of the time-keeping voice, e.g. 42 closed hat, 51 ride, 54 tambourine
 * @param level      scale of every velocity the kit plays, 0..1: 1 for sticks, less for a kit played
 *                   with brushes, which sits under the band (see {@link #BRUSHES})
 * @param fill       what the kit plays in the fill into a section change ({@link DrumWriter#fill})
 * @param sectionBreath the shortest drop before a marked hit that opens a section, seconds ({@link
 *                   StopTime#breaths}); 0 for the default (a whole beat within 0.28..0.8 s). A kit whose
 *                   fill and crash ring long needs more air there, or the hit lands on its tails
 */
public record DrumPattern(String kick, String snare, String hat, int kickPitch, int snarePitch, int hatPitch,
        double level, Fill fill, double sectionBreath) {
    /** The fill into a section change. */
    public enum Fill {
        /** Sixteenths on the back-beat voice, then down the toms (orchestral, trailer, jazz...). */
        TOMS,
        /**
         * Sixteenths on the back-beat voice only, a snare roll in crescendo: a rock or cartoon drummer's
         * fill into a section. Its strokes are short; low toms ring on through the breath before the
         * section's hit, so the hit that follows a tom fill is no new sound (rock at 0.9.0, seed 1:
         * hit accent 0.50, 0.50, 0.33 on the shared clips).
         */
        SNARE
    }

    /** Steps of a 4/4 bar. */
    public static final int STEPS = 16;
    /** Grid steps per beat. */
    public static final int STEPS_PER_BEAT = 4;
    static final int KICK = 36;
    static final int SNARE = 38;
    static final int HAT = 42;
    /**
     * The level of a kit played with brushes (jazz). The standard kit at stick velocities is as loud as
     * the band, and its tails (the ride's wash, the fill's low toms) ring on through the breath before
     * a marked hit, where note-offs do not reach them: the band's re-entry then lands on drums still
     * sounding and is no new sound. Jazz at seed 1 at full level: hit accent 0.50 on goldeneye and
     * 0.33 on big_buck_bunny; the kit at 0.6 lets the re-entry stand out.
     */
    public static final double BRUSHES = 0.6;

    public DrumPattern {
        check("kick", kick);
        check("snare", snare);
        check("hat", hat);
        if (snare.length() != kick.length() || hat.length() != kick.length()) {
            throw new IllegalArgumentException("snare, hat : " + snare.length() + ", " + hat.length()
                    + " steps (expected: " + kick.length() + ", like kick)");
        }
        checkPitch("kickPitch", kickPitch);
        checkPitch("snarePitch", snarePitch);
        checkPitch("hatPitch", hatPitch);
        if (!(level > 0 && level <= 1)) {
            throw new IllegalArgumentException("level : " + level + " (expected: 0 < level <= 1)");
        }
        if (fill == null) {
            throw new IllegalArgumentException("fill : null (expected: TOMS or SNARE)");
        }
        if (!(sectionBreath >= 0 && sectionBreath <= 2)) {
            throw new IllegalArgumentException("sectionBreath : " + sectionBreath + " (expected: 0..2 s)");
        }
    }

    /** A kit at {@code level} with the tom fill and the default breath before a section's hit. */
    public DrumPattern(String kick, String snare, String hat, int kickPitch, int snarePitch, int hatPitch,
            double level) {
        this(kick, snare, hat, kickPitch, snarePitch, hatPitch, level, Fill.TOMS, 0);
    }

    /** A kit at full level (sticks). */
    public DrumPattern(String kick, String snare, String hat, int kickPitch, int snarePitch, int hatPitch) {
        this(kick, snare, hat, kickPitch, snarePitch, hatPitch, 1.0);
    }

    /** A 4/4 bar on the standard kit's bass drum, snare and closed hi-hat. */
    public DrumPattern(String kick, String snare, String hat) {
        this(kick, snare, hat, KICK, SNARE, HAT);
    }

    /** This kit at {@code level} (e.g. {@link #BRUSHES}). */
    public DrumPattern atLevel(double level) {
        return new DrumPattern(kick, snare, hat, kickPitch, snarePitch, hatPitch, level, fill, sectionBreath);
    }

    /** This kit with {@code fill} into a section change and at least {@code sectionBreath} s of drop before its hit. */
    public DrumPattern withFill(Fill fill, double sectionBreath) {
        return new DrumPattern(kick, snare, hat, kickPitch, snarePitch, hatPitch, level, fill, sectionBreath);
    }

    /** A MIDI velocity the kit's writers chose, at the kit's level (unchanged at level 1), 1..127. */
    public int velocity(int velocity) {
        return level == 1.0 ? velocity : Math.max(1, Math.min(127, (int) Math.round(velocity * level)));
    }

    /** Steps in the bar. */
    public int steps() {
        return kick.length();
    }

    /** Beats in the bar. */
    public int beats() {
        return steps() / STEPS_PER_BEAT;
    }

    /** The bar in another metre: cut to {@code beats}, or repeated from its first step to fill them. */
    public DrumPattern withBeats(int beats) {
        if (beats < 1) {
            throw new IllegalArgumentException("beats : " + beats + " (expected: >= 1)");
        }
        int steps = beats * STEPS_PER_BEAT;
        return new DrumPattern(fill(kick, steps), fill(snare, steps), fill(hat, steps), kickPitch, snarePitch,
                hatPitch, level, fill, sectionBreath);
    }

    private static String fill(String bar, int steps) {
        return bar.repeat(steps / bar.length() + 1).substring(0, steps);
    }

    private static void check(String name, String steps) {
        if (steps == null || !steps.matches("[xo.]+") || steps.length() % STEPS_PER_BEAT != 0) {
            throw new IllegalArgumentException(name + " : \"" + steps + "\" (expected: 4 per beat of x, o, .)");
        }
    }

    private static void checkPitch(String name, int pitch) {
        if (pitch < 27 || pitch > 87) {
            throw new IllegalArgumentException(name + " : " + pitch + " (expected: a GM drum key, 27..87)");
        }
    }
}
