package org.v2mzero.models.compose;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the explicit musical words of a prompt, which override the style: a key ("in D minor",
 * "C major", "F# minor", "Bb major"), a tempo ("92 bpm"), "no drums", one instrument for every pitched
 * stem ("strings only", "only piano"), intensity ("gentle", "aggressive") and feel ("straight", "swing",
 * "shuffle"). Stateless; any thread.
 */
public final class PromptReader {
    /**
     * @param key     the key the prompt names, if any
     * @param bpm     the tempo the prompt names, if any (20..300)
     * @param noDrums the prompt asks for no drums ("no drums", "without drums", "drumless")
     * @param onlyProgram the GM program every pitched stem plays ("strings only"), if the prompt names one;
     *                    a prompt naming one instrument only also has no drums
     * @param intensity   -1 gentle ("gentle", "soft", "quiet", "subtle"), +1 aggressive ("aggressive",
     *                    "intense", "loud", "hard"), 0 otherwise
     * @param feel        -1 straight ("straight", "no swing"; it wins over a swing word, being the more
     *                    deliberate), +1 swung ("swing", "swung", "shuffle"), 0 the style's own feel
     */
    public record Words(Optional<Key> key, OptionalDouble bpm, boolean noDrums, OptionalInt onlyProgram,
            int intensity, int feel) {
        /** Without instrumentation, intensity or feel words. */
        public Words(Optional<Key> key, OptionalDouble bpm, boolean noDrums) {
            this(key, bpm, noDrums, OptionalInt.empty(), 0, 0);
        }
    }

    private static final Pattern KEY = Pattern.compile("\\b([a-g])\\s*(#|b|sharp|flat)?\\s*(major|minor|maj|min)\\b");
    /** A key with the "in" or "at" that introduces it. */
    private static final Pattern KEY_PHRASE = Pattern.compile("\\b(?:in\\s+)?[a-g]\\s*(?:#|b|sharp|flat)?\\s*(?:major|minor|maj|min)\\b");
    private static final Pattern BPM = Pattern.compile("\\b(?:at\\s+)?(\\d{2,3}(?:\\.\\d+)?)\\s*bpm\\b");
    private static final Pattern NO_DRUMS = Pattern.compile("\\b(no|without)\\s+(drums|percussion)\\b|\\bdrumless\\b");
    private static final Pattern ONLY = Pattern.compile(
            "\\b(?:(strings|piano|guitar|brass|choir|organ|synth|harp)\\s+only|only\\s+(strings|piano|guitar|brass|choir|organ|synth|harp))\\b");
    /** GM programs of the instruments "X only" can name. */
    private static final Map<String, Integer> ONLY_PROGRAMS = Map.of("strings", 48, "piano", 0, "guitar", 25,
            "brass", 61, "choir", 52, "organ", 19, "synth", 90, "harp", 46);
    private static final Pattern GENTLE = Pattern.compile("\\b(gentle|gently|soft|softly|quiet|subtle|delicate)\\b");
    private static final Pattern AGGRESSIVE = Pattern.compile("\\b(aggressive|intense|loud|hard|brutal|ferocious)\\b");
    private static final Pattern STRAIGHT = Pattern.compile(
            "\\bstraight(?:\\s+(?:eighths|sixteenths|feel|time))?\\b|\\b(?:no|without)\\s+swing\\b|\\bunswung\\b");
    private static final Pattern SWING = Pattern.compile("\\b(swing|swinging|swung|shuffle|shuffled|shuffling)\\b");
    private static final int[] NATURAL = {9, 11, 0, 2, 4, 5, 7}; // a b c d e f g

    private PromptReader() {}

    public static Words read(String prompt) {
        String text = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        OptionalInt only = only(text);
        int intensity = (AGGRESSIVE.matcher(text).find() ? 1 : 0) - (GENTLE.matcher(text).find() ? 1 : 0);
        int feel = STRAIGHT.matcher(text).find() ? -1 : SWING.matcher(text).find() ? 1 : 0;
        return new Words(key(text), bpm(text), NO_DRUMS.matcher(text).find() || only.isPresent(), only, intensity,
                feel);
    }

    /**
     * The prompt without its explicit musical words (key, tempo, "no drums", "X only", "straight"), which
     * say nothing about style and would only blur a text embedding ("no swing" would even pull towards
     * jazz). "swing" and "shuffle" stay: they do say something about style. Lower case.
     */
    public static String styleText(String prompt) {
        String text = prompt == null ? "" : prompt.toLowerCase(Locale.ROOT);
        for (Pattern explicit : List.of(KEY_PHRASE, BPM, NO_DRUMS, ONLY, STRAIGHT)) {
            text = explicit.matcher(text).replaceAll(" ");
        }
        return text.replaceAll("[\\s,;]+", " ").strip();
    }

    private static OptionalInt only(String text) {
        Matcher m = ONLY.matcher(text);
        if (!m.find()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ONLY_PROGRAMS.get(m.group(1) != null ? m.group(1) : m.group(2)));
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
