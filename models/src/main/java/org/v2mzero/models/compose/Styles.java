package org.v2mzero.models.compose;

import java.util.List;
import java.util.Locale;

/**
 * The built-in style table and the keyword match that picks a style from a prompt. A later generator
 * matches prompts by text embedding; this table is the honest first step (whole-word keywords).
 */
public final class Styles {
    private static final DrumPattern BACKBEAT = new DrumPattern(
            "x.....o.x.......", "....x.......x...", "x.o.x.o.x.o.x.o.");
    private static final DrumPattern FOUR_ON_FLOOR = new DrumPattern(
            "x...x...x...x...", "....x.......x...", "..x...x...x...x.");
    private static final DrumPattern TOMS_AND_TIMPANI = new DrumPattern(
            "x.......x..o....", "........x.......", "x...o...x...o...");
    private static final DrumPattern SPARSE = new DrumPattern(
            "x...............", "................", "o.......o.......");

    /** The default when no keyword matches. */
    public static final Style ORCHESTRAL = new Style("orchestral",
            List.of("orchestral", "orchestra", "epic", "cinematic", "strings", "heroic", "film"),
            80, 140, new Key(2, true),
            List.of(List.of(0, 5, 2, 6), List.of(0, 3, 4, 0), List.of(0, 5, 3, 4), List.of(0, 6, 5, 4)),
            48, 43, 60, 47, 3, TOMS_AND_TIMPANI);

    public static final List<Style> ALL = List.of(
            ORCHESTRAL,
            new Style("electronic", List.of("electronic", "techno", "edm", "synth", "house", "club", "synthwave"),
                    110, 132, new Key(9, true),
                    List.of(List.of(0, 5, 2, 6), List.of(0, 3, 5, 4), List.of(0, 0, 5, 6)),
                    89, 38, 81, 55, 4, FOUR_ON_FLOOR),
            new Style("rock", List.of("rock", "guitar", "punk", "grunge", "driving"),
                    100, 150, new Key(4, false),
                    List.of(List.of(0, 4, 5, 3), List.of(0, 3, 4, 3), List.of(0, 6, 3, 0)),
                    29, 33, 30, 55, 4, BACKBEAT),
            new Style("ambient", List.of("ambient", "calm", "dreamy", "peaceful", "meditative", "atmospheric"),
                    60, 90, new Key(0, false),
                    List.of(List.of(0, 3, 5, 3), List.of(0, 5, 3, 4), List.of(0, 2, 3, 0)),
                    88, 32, 11, 47, 3, SPARSE),
            new Style("suspense", List.of("suspense", "tense", "thriller", "horror", "dark", "creepy", "mystery"),
                    70, 110, new Key(0, true),
                    List.of(List.of(0, 5, 0, 4), List.of(0, 1, 0, 4), List.of(0, 3, 5, 4)),
                    49, 43, 71, 47, 3, TOMS_AND_TIMPANI));

    private Styles() {}

    /** The style with the most whole-word keyword matches; ties go to the earlier style, none to orchestral. */
    public static Style forPrompt(String prompt) {
        List<String> words = words(prompt);
        Style best = ORCHESTRAL;
        long bestCount = 0;
        for (Style style : ALL) {
            long count = words.stream().filter(style.keywords()::contains).count();
            if (count > bestCount) {
                best = style;
                bestCount = count;
            }
        }
        return best;
    }

    static List<String> words(String prompt) {
        if (prompt == null || prompt.isBlank()) {
            return List.of();
        }
        return List.of(prompt.toLowerCase(Locale.ROOT).split("[^a-z0-9#]+"));
    }
}
