package org.v2mzero.models.compose;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the explicit musical words of a prompt, which override the style: a key ("in D minor",
 * "C major", "F# minor", "Bb major"), a tempo ("92 bpm") and "no drums". Stateless; any thread.
 */
public final class PromptReader {
    /**
     * @param key     the key the prompt names, if any
     * @param bpm     the tempo the prompt names, if any (20..300)
     * @param noDrums the prompt asks for no drums ("no drums", "without drums", "drumless")
     */
    public record Words(Optional<Key> key, OptionalDouble bpm, boolean noDrums) {}

    private static final Pattern KEY = Pattern.compile("\\b([a-g])\\s*(#|b|sharp|flat)?\\s*(major|minor|maj|min)\\b");
    private static final Pattern BPM = Pattern.compile("\\b(\\d{2,3}(?:\\.\\d+)?)\\s*bpm\\b");
    private static final Pattern NO_DRUMS = Pattern.compile("\\b(no|without)\\s+(drums|percussion)\\b|\\bdrumless\\b");
    private static final int[] NATURAL = {9, 11, 0, 2, 4, 5, 7}; // a b c d e f g

    private PromptReader() {}

    public static Words read(String prompt) {
        String text = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        return new Words(key(text), bpm(text), NO_DRUMS.matcher(text).find());
    }

    private static Optional<Key> key(String text) {
        Matcher m = KEY.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int pc = NATURAL[m.group(1).charAt(0) - 'a'];
        String accidental = m.group(2);
        if (accidental != null) {
            pc += accidental.equals("#") || accidental.equals("sharp") ? 1 : -1;
        }
        return Optional.of(new Key(Math.floorMod(pc, 12), m.group(3).startsWith("min")));
    }

    private static OptionalDouble bpm(String text) {
        Matcher m = BPM.matcher(text);
        while (m.find()) {
            double bpm = Double.parseDouble(m.group(1));
            // Out-of-range numbers are not tempos a cue can use; they are ignored, not clamped.
            if (bpm >= 20 && bpm <= 300) {
                return OptionalDouble.of(bpm);
            }
        }
        return OptionalDouble.empty();
    }
}
