package org.v2mzero.models.neural;

/**
 * The token ids of {@code training/TOKENS.md} (version {@value #VERSION}): fixed ranges per kind, the
 * quantisation of metre, tempo, duration and velocity, and names for debugging. The Python twin
 * {@code training/v2m_tokens.py} holds the same table. Stateless; any thread.
 */
public final class Vocabulary {
    /** Recorded with a model: a model trained on other tokens must not be decoded with these. */
    public static final String VERSION = "v2m-remi-1";
    /** Grid units per quarter note. */
    public static final int UNITS_PER_QUARTER = 12;
    /** Ids are {@code 0 .. SIZE - 1}. */
    public static final int SIZE = 1014;
    /** The PROGRAM value of the drum kit; GM program p is value {@code p + 1}. */
    public static final int DRUM_KIT = 0;
    public static final int MIN_BPM = 20;
    public static final int MAX_BPM = 300;

    /** A token's kind: its first id and how many ids it has. */
    public enum Kind {
        PAD(0, 1), BOS(1, 1), EOS(2, 1), BAR(3, 1), TIMESIG(4, 56), TEMPO(60, 281), POS(341, 192),
        PROGRAM(533, 129), PITCH(662, 128), DRUM(790, 128), DUR(918, 64), VEL(982, 32);

        private final int first;
        private final int count;

        Kind(int first, int count) {
            this.first = first;
            this.count = count;
        }

        public int first() {
            return first;
        }

        public int count() {
            return count;
        }

        /** The id of value {@code 0 .. count - 1} of this kind. */
        public int id(int value) {
            if (value < 0 || value >= count) {
                throw new IllegalArgumentException(name() + " value : " + value + " (expected: 0.." + (count - 1) + ")");
            }
            return first + value;
        }

        public boolean contains(int id) {
            return id >= first && id < first + count;
        }
    }

    private static final Kind[] KIND_OF = new Kind[SIZE];
    private static final int[] METRE_NUMERATOR = new int[Kind.TIMESIG.count];
    private static final int[] METRE_DENOMINATOR = new int[Kind.TIMESIG.count];

    static {
        for (Kind k : Kind.values()) {
            for (int id = k.first; id < k.first + k.count; id++) {
                KIND_OF[id] = k;
            }
        }
        int i = 0;
        for (int den : new int[] {2, 4, 8, 16}) {
            // n/2 stops at 8/2: bars stay within 16 quarters, the POS range.
            for (int num = 1; num <= (den == 2 ? 8 : 16); num++, i++) {
                METRE_NUMERATOR[i] = num;
                METRE_DENOMINATOR[i] = den;
            }
        }
    }

    private Vocabulary() {}

    /** @throws IllegalArgumentException for an id outside {@code 0 .. SIZE - 1} */
    public static Kind kind(int id) {
        if (id < 0 || id >= SIZE) {
            throw new IllegalArgumentException("token id : " + id + " (expected: 0.." + (SIZE - 1) + ")");
        }
        return KIND_OF[id];
    }

    /** The value of an id within its kind ({@code id - kind.first()}). */
    public static int value(int id) {
        return id - kind(id).first;
    }

    /** A readable name, e.g. {@code POS_12}, {@code TIMESIG_6/8}, {@code VEL_99}; {@code ?123} when out of range. */
    public static String name(int id) {
        if (id < 0 || id >= SIZE) {
            return "?" + id;
        }
        Kind k = KIND_OF[id];
        int v = id - k.first;
        return switch (k) {
            case PAD, BOS, EOS, BAR -> k.name();
            case TIMESIG -> "TIMESIG_" + METRE_NUMERATOR[v] + "/" + METRE_DENOMINATOR[v];
            case TEMPO -> "TEMPO_" + bpm(v);
            case PROGRAM -> v == DRUM_KIT ? "PROGRAM_DRUMS" : "PROGRAM_" + (v - 1);
            case DUR -> "DUR_" + durationUnits(v);
            case VEL -> "VEL_" + velocity(v);
            default -> k.name() + "_" + v;
        };
    }

    /** The TIMESIG value of a metre, or -1 when TOKENS.md has none for it. */
    public static int metre(int numerator, int denominator) {
        for (int i = 0; i < METRE_NUMERATOR.length; i++) {
            if (METRE_NUMERATOR[i] == numerator && METRE_DENOMINATOR[i] == denominator) {
                return i;
            }
        }
        return -1;
    }

    public static int metreNumerator(int metre) {
        return METRE_NUMERATOR[metre];
    }

    public static int metreDenominator(int metre) {
        return METRE_DENOMINATOR[metre];
    }

    /** Grid units in a bar of this metre. */
    public static int barUnits(int metre) {
        return METRE_NUMERATOR[metre] * 4 * UNITS_PER_QUARTER / METRE_DENOMINATOR[metre];
    }

    /** The TEMPO value of a tempo: whole bpm, rounded half up, clamped to {@value #MIN_BPM}..{@value #MAX_BPM}. */
    public static int tempo(double bpm) {
        long rounded = (long) Math.floor(bpm + 0.5);
        return (int) Math.max(MIN_BPM, Math.min(MAX_BPM, rounded)) - MIN_BPM;
    }

    public static int bpm(int tempo) {
        return tempo + MIN_BPM;
    }

    /** The DUR value of a length in whole units (at least 1): exact to 48, then half beats to 96, beats to 192. */
    public static int duration(int units) {
        int u = Math.max(1, units);
        if (u <= 48) {
            return u - 1;
        }
        if (u <= 96) {
            return 47 + (u - 48 + 3) / 6;
        }
        return Math.min(63, 55 + (u - 96 + 6) / 12);
    }

    /** The length in units a DUR value decodes to; {@code duration(durationUnits(d)) == d}. */
    public static int durationUnits(int duration) {
        if (duration < 48) {
            return duration + 1;
        }
        if (duration < 56) {
            return 48 + 6 * (duration - 47);
        }
        return 96 + 12 * (duration - 55);
    }

    /** The VEL value of a MIDI velocity (clamped to 1..127): bins of 4. */
    public static int velocityBin(int velocity) {
        return (Math.max(1, Math.min(127, velocity)) - 1) / 4;
    }

    /** The velocity a VEL value decodes to, {@code 4b + 3}, inside its bin. */
    public static int velocity(int bin) {
        return 4 * bin + 3;
    }
}
