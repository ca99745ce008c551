package org.v2mzero.models.compose;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The melody's one-bar idea and how it develops, as a theme is worked: a rhythm and a contour of
 * chord tones (0 the root, 1 the third, 2 the fifth, 3 the octave, and on up), then, bar by bar of a
 * four-bar phrase, its statement, an answer that repeats it with another ending, a sequence a chord
 * tone higher, and a cadence that augments its head and comes to rest on the root. Each section of
 * the picture takes the whole phrase a chord tone higher than the one before (transposition), so the
 * theme climbs as the film moves on; a thin bar plays only its head (fragmentation). Immutable; any
 * thread.
 *
 * @param rhythm  onsets within a 4-beat bar, beats, ascending, starting at 0
 * @param contour chord-tone index of each onset, 0..3
 */
record Motif(double[] rhythm, int[] contour) {
    /** Motif rhythms: onsets within a 4-beat bar, in beats. */
    static final double[][] RHYTHMS = {
        {0, 1, 2, 3}, {0, 1.5, 2, 3}, {0, 0.5, 1, 2}, {0, 2, 2.5, 3}, {0, 1, 1.5, 2.5}, {0, 1.5, 3}
    };
    /** Phrase length in bars. */
    static final int PHRASE = 4;
    /** Sections climb at most this many chord tones above the first, then start again. */
    static final int LEVELS = 3;

    /** One bar of the developed motif: onsets in beats of a 4-beat bar, chord-tone indices, lengths in beats. */
    record Bar(double[] onsets, int[] tones, double[] beats) {}

    /** The seed's motif. */
    static Motif of(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] rhythm = RHYTHMS[random.nextInt(RHYTHMS.length)];
        int[] contour = new int[rhythm.length];
        for (int i = 0; i < contour.length; i++) {
            contour[i] = random.nextInt(4);
        }
        return new Motif(rhythm, contour);
    }

    /**
     * The motif as bar {@code phraseBar} of a phrase in section {@code section} plays it.
     *
     * @param fragment only the head (first two onsets), the second held to the half bar
     */
    Bar bar(int phraseBar, int section, boolean fragment) {
        int level = Math.floorMod(section, LEVELS);
        int[] tones = contour.clone();
        double[] onsets = rhythm.clone();
        switch (Math.floorMod(phraseBar, PHRASE)) {
            case 1 -> tones[tones.length - 1] = answer(tones[tones.length - 1]);
            case 2 -> tones = Arrays.stream(tones).map(t -> t + 1).toArray();
            case 3 -> {
                // Augmentation: the head at half speed, then the root, held.
                double second = Math.min(2, 2 * rhythm[1]);
                onsets = new double[] {0, second, Math.max(second + 1, 3)};
                tones = new int[] {contour[0], contour[1], contour[0] >= 2 ? 3 : 0};
            }
            default -> { }
        }
        if (fragment) {
            onsets = Arrays.copyOf(onsets, Math.min(2, onsets.length));
            tones = Arrays.copyOf(tones, onsets.length);
        }
        int[] leveled = Arrays.stream(tones).map(t -> t + level).toArray();
        double[] beats = new double[onsets.length];
        for (int i = 0; i < onsets.length; i++) {
            double next = i + 1 < onsets.length ? onsets[i + 1] : fragment ? Math.max(2, onsets[i] + 1) : 4;
            beats[i] = next - onsets[i];
        }
        return new Bar(onsets, leveled, beats);
    }

    /** The answer's last tone: a step away from the statement's, down unless that is below the root. */
    static int answer(int tone) {
        return tone > 0 ? tone - 1 : tone + 1;
    }

    /**
     * The pitch of chord tone {@code tone} of a chord (root first, pitch classes), the root at or above
     * {@code low}: tones climb root, third, fifth, then the next octave's.
     */
    static int pitch(int[] chord, int tone, int low) {
        int root = Notes.atOrAbove(chord[0], low);
        int octave = Math.floorDiv(tone, chord.length);
        int index = Math.floorMod(tone, chord.length);
        return root + Math.floorMod(chord[index] - chord[0], 12) + 12 * octave;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Motif m && Arrays.equals(rhythm, m.rhythm) && Arrays.equals(contour, m.contour);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(rhythm) + Arrays.hashCode(contour);
    }

    @Override
    public String toString() {
        return "Motif" + Arrays.toString(rhythm) + Arrays.toString(contour);
    }
}
