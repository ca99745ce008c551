package org.v2mzero.models.compose;

import java.util.List;

/**
 * A key: tonic pitch class and mode. Chords are built from its scale; in minor, the dominant (V) takes
 * the raised seventh (harmonic minor), as common practice does.
 *
 * @param tonic pitch class 0..11 (0 = C)
 * @param minor natural minor when true, major otherwise
 */
public record Key(int tonic, boolean minor) {
    static final List<String> NAMES = List.of("C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B");
    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};
    private static final int DOMINANT = 4;

    public Key {
        if (tonic < 0 || tonic > 11) {
            throw new IllegalArgumentException("tonic : " + tonic + " (expected: 0..11)");
        }
    }

    /** E.g. {@code D minor}. */
    public String name() {
        return NAMES.get(tonic) + (minor ? " minor" : " major");
    }

    /**
     * The key a {@link #name()} names, as a take's manifest records it.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static Key parse(String name) {
        String[] parts = name == null ? new String[0] : name.strip().split(" ");
        int tonic = parts.length == 2 ? NAMES.indexOf(parts[0]) : -1;
        if (tonic < 0 || !(parts[1].equals("major") || parts[1].equals("minor"))) {
            throw new IllegalArgumentException("key : \"" + name + "\" (expected: a tonic of " + String.join(" ", NAMES)
                    + ", then major or minor)");
        }
        return new Key(tonic, parts[1].equals("minor"));
    }

    /** Semitones above the tonic of a scale degree (0-based, may exceed 6 for upper octaves). */
    int degreeOffset(int degree) {
        int[] scale = minor ? MINOR : MAJOR;
        int octave = Math.floorDiv(degree, 7);
        return scale[Math.floorMod(degree, 7)] + 12 * octave;
    }

    /**
     * The triad on a scale degree as pitch classes, root first.
     *
     * @param degree 0-based scale degree of the chord root (0 = I, 4 = V)
     */
    int[] triad(int degree) {
        int[] pcs = new int[3];
        for (int i = 0; i < 3; i++) {
            int offset = degreeOffset(degree + 2 * i);
            // Harmonic minor: the leading tone in V makes it a major chord that pulls home.
            if (minor && Math.floorMod(degree, 7) == DOMINANT && i == 1) {
                offset += 1;
            }
            pcs[i] = Math.floorMod(tonic + offset, 12);
        }
        return pcs;
    }
}
