package org.v2mzero.models.compose;

/**
 * One bar of drums on a 16-step grid (sixteenth notes in 4/4): {@code x} loud, {@code o} soft, {@code .} rest.
 *
 * @param kick  GM 36
 * @param snare GM 38
 * @param hat   GM 42 (closed hi-hat)
 */
public record DrumPattern(String kick, String snare, String hat) {
    public static final int STEPS = 16;

    public DrumPattern {
        check("kick", kick);
        check("snare", snare);
        check("hat", hat);
    }

    private static void check(String name, String steps) {
        if (steps == null || !steps.matches("[xo.]{" + STEPS + "}")) {
            throw new IllegalArgumentException(name + " : \"" + steps + "\" (expected: 16 of x, o, .)");
        }
    }
}
