package org.v2mzero.models.compose;

import java.util.List;
import java.util.Locale;

/**
 * The built-in style library: thirteen described styles, each with tempo range, metre, default key and
 * mode, progressions, GM programs per stem, a drum vocabulary and a feel. Two styles swing, the two whose
 * description names it: jazz ("swinging ride") on eighths at the triplet 2:1, the straight-ahead jazz
 * feel; hip-hop ("swung hi-hats") on sixteenths at 0.58, the light MPC-style swing of boom-bap and lo-fi
 * (a triplet sixteenth would turn the hats into a shuffle). Folk's "lilting waltz" lilts by its 3/4
 * accent, not by swung eighths, and comedy's "bouncy" oom-pah is a straight two-beat: both stay straight. {@link StyleMatcher} picks one by
 * text embedding; {@link #forPrompt} is the keyword fallback used when the encoder cannot load.
 * Immutable; any thread.
 */
public final class Styles {
    /**
     * Rock's kit: a snare fill into a section, and at least 0.8 s of stop before the section's hit.
     * Its tom fill rang through the half-beat drop (rock at 0.9.0, seed 1: hit accent 0.50, 0.50, 0.33
     * on the shared clips); with the toms muted every cut but testvideo's at 6.006 s peaked at >= 2.12,
     * that one at 1.40 (1.5 needed) until the drop before it was 0.8 s.
     */
    private static final DrumPattern BACKBEAT = new DrumPattern(
            "x.....o.x.......", "....x.......x...", "x.o.x.o.x.o.x.o.").withFill(DrumPattern.Fill.SNARE, 0.8);
    private static final DrumPattern FOUR_ON_FLOOR = new DrumPattern(
            "x...x...x...x...", "....x.......x...", "..x...x...x...x.", 36, 39, 42);
    private static final DrumPattern TOMS_AND_TIMPANI = new DrumPattern(
            "x.......x..o....", "........x.......", "x...o...x...o...", 36, 38, 45);
    private static final DrumPattern TRAILER_TOMS = new DrumPattern(
            "x..x..x.x..x..x.", "....x.......x...", "x.x.x.x.x.x.x.x.", 35, 40, 41);
    private static final DrumPattern HEARTBEAT = new DrumPattern(
            "x..o............", "................", "....o.......o...", 35, 37, 42);
    private static final DrumPattern DREAD = new DrumPattern(
            "x...............", "........o.......", "..............o.", 35, 41, 46);
    private static final DrumPattern GATED_BACKBEAT = new DrumPattern(
            "x.......x.x.....", "....x.......x...", "x.x.x.x.x.x.x.x.", 36, 40, 42);
    private static final DrumPattern BOOM_BAP = new DrumPattern(
            "x.....x...x.....", "....x.......x...", "x.x.x.x.x.x.x.xo", 36, 38, 42);
    /** Light swing on sixteenths: the hats of boom-bap and lo-fi lean back without turning into a shuffle. */
    static final Swing BOOM_BAP_SWING = new Swing(0.58, 0.5);
    private static final DrumPattern SWING_RIDE = new DrumPattern(
            "x.......o.......", "......o.......o.", "x...x.x.x...x.x.", 36, 38, 51, DrumPattern.BRUSHES);
    /**
     * Folk's kit: a side-stick fill into a section and at least 0.8 s of stop before its hit, as rock's.
     * big_buck_bunny, seed 1: accent 0.33 with the tom fill (0.9.0), 0.67 with the side-stick fill and
     * the default drop, 1.00 with both.
     */
    private static final DrumPattern WALTZ_TAMBOURINE = new DrumPattern(
            "x...........", "....o...o...", "x.o.x.o.x.o.", 36, 37, 54).withFill(DrumPattern.Fill.SNARE, 0.8);
    /** Comedy's kit: a snare fill into a section (its toms rang through the drop before the hit, as rock's did). */
    private static final DrumPattern OOM_PAH = new DrumPattern(
            "x.......x.......", "....x.......x...", "..x...x...x...x.", 36, 38, 76).withFill(DrumPattern.Fill.SNARE, 0);

    /** The default when nothing else fits, and the library's first entry. */
    public static final Style ORCHESTRAL = new Style("orchestral",
            "Orchestral film score: a full symphony orchestra with string sections, French horns, woodwinds and "
                    + "timpani, lyrical and cinematic, heroic or emotional themes for drama and adventure.",
            List.of("orchestral", "orchestra", "cinematic", "strings", "heroic", "film", "symphonic"),
            80, 140, 4, new Key(2, true),
            List.of(List.of(0, 5, 2, 6), List.of(0, 3, 4, 0), List.of(0, 5, 3, 4), List.of(0, 6, 5, 4)),
            48, 43, 60, 47, 2, TOMS_AND_TIMPANI);

    public static final List<Style> ALL = List.of(
            ORCHESTRAL,
            new Style("trailer",
                    "Epic trailer music: huge, powerful and aggressive, pounding taiko drums and low brass, "
                            + "massive hits and braams, choir and driving string ostinatos building to a climax.",
                    List.of("epic", "trailer", "massive", "battle", "powerful", "blockbuster"),
                    90, 130, 4, new Key(0, true),
                    List.of(List.of(0, 5, 2, 6), List.of(0, 0, 5, 5), List.of(0, 6, 5, 6)),
                    48, 43, 61, 116, 2, TRAILER_TOMS),
            new Style("suspense",
                    "Suspense thriller underscore: tense, nervous and mysterious, a quiet pulse like a heartbeat, "
                            + "low sustained strings and clarinet, slowly building tension for a chase or investigation.",
                    List.of("suspense", "tense", "thriller", "mystery", "tension", "investigation", "spy"),
                    70, 110, 4, new Key(9, true),
                    List.of(List.of(0, 5, 0, 4), List.of(0, 1, 0, 4), List.of(0, 3, 5, 4)),
                    49, 43, 71, 47, 2, HEARTBEAT),
            new Style("horror",
                    "Horror film music: dark, frightening and creepy, dissonant tremolo strings, eerie high violins, "
                            + "deep rumbles and sudden stabs for jump scares, dread, ghosts and monsters.",
                    List.of("horror", "scary", "creepy", "dark", "eerie", "haunted", "dread", "ghost"),
                    60, 90, 4, new Key(10, true),
                    List.of(List.of(0, 1, 0, 1), List.of(0, 5, 1, 4), List.of(0, 0, 3, 1)),
                    44, 43, 40, 55, 3, DREAD),
            new Style("electronic",
                    "Electronic dance music: techno and house with a four-on-the-floor kick, claps, synthesizer "
                            + "bass and saw-wave leads, energetic club beats for modern, futuristic or tech scenes.",
                    List.of("electronic", "techno", "edm", "house", "club", "dance", "trance"),
                    118, 132, 4, new Key(9, true),
                    List.of(List.of(0, 5, 2, 6), List.of(0, 3, 5, 4), List.of(0, 0, 5, 6)),
                    89, 38, 81, 55, 4, FOUR_ON_FLOOR),
            new Style("synthwave",
                    "Synthwave and retrowave: nostalgic 1980s synthesizers, analogue arpeggios, polysynth chords, "
                            + "gated reverb snare and pulsing synth bass, neon night drives and retro sci-fi.",
                    List.of("synthwave", "retrowave", "80s", "retro", "neon", "outrun", "synth"),
                    80, 118, 4, new Key(6, true),
                    List.of(List.of(0, 5, 2, 6), List.of(0, 6, 5, 6), List.of(0, 3, 5, 6)),
                    90, 39, 81, 62, 4, GATED_BACKBEAT),
            new Style("ambient",
                    "Ambient soundscape: calm, slow and atmospheric, warm evolving synth pads, soft bell tones and "
                            + "space, peaceful and dreamy textures for nature, meditation and reflection.",
                    List.of("ambient", "calm", "dreamy", "peaceful", "meditative", "atmospheric", "relaxing"),
                    60, 90, 4, new Key(4, false),
                    List.of(List.of(0, 3, 5, 3), List.of(0, 5, 3, 4), List.of(0, 2, 3, 0)),
                    88, 89, 11, 94, 3, null),
            new Style("piano",
                    "Solo piano: a single acoustic piano playing an intimate, tender and emotional piece, gentle "
                            + "chords and a simple melody, melancholic or hopeful, for quiet personal moments.",
                    List.of("piano", "solo", "intimate", "tender", "melancholic", "sad"),
                    60, 100, 4, new Key(3, false),
                    List.of(List.of(0, 4, 5, 3), List.of(0, 5, 3, 4), List.of(5, 3, 0, 4)),
                    0, 0, 0, 0, 1, null),
            new Style("rock",
                    "Rock band: loud distorted electric guitars, driving bass guitar and a hard-hitting drum kit "
                            + "with backbeat snare, energetic and rebellious, for action, sport and road trips.",
                    List.of("rock", "guitar", "punk", "grunge", "driving", "metal"),
                    100, 150, 4, new Key(4, true),
                    List.of(List.of(0, 5, 2, 6), List.of(0, 2, 3, 5), List.of(0, 6, 5, 6)),
                    29, 33, 30, 55, 4, BACKBEAT),
            new Style("hiphop",
                    "Hip-hop beat: boom-bap and lo-fi grooves, heavy kick and snare, swung hi-hats, deep sub bass "
                            + "and electric piano chords, urban street attitude, rap instrumental.",
                    List.of("hip", "hop", "hiphop", "rap", "boom", "lofi", "urban", "trap"),
                    80, 98, 4, new Key(0, true),
                    List.of(List.of(0, 5, 3, 4), List.of(0, 3, 0, 3), List.of(0, 6, 5, 4)),
                    4, 38, 73, 55, 4, BOOM_BAP, BOOM_BAP_SWING),
            new Style("jazz",
                    "Jazz combo: swinging ride cymbal and brushes, walking upright bass, piano comping with "
                            + "seventh chords and a saxophone melody, smoky club, noir detective or happy bebop.",
                    List.of("jazz", "swing", "bebop", "noir", "saxophone", "lounge", "blues"),
                    110, 180, 4, new Key(5, false),
                    List.of(List.of(1, 4, 0, 0), List.of(0, 5, 1, 4), List.of(2, 5, 1, 4)),
                    0, 32, 66, 61, 4, SWING_RIDE, Swing.TRIPLET_EIGHTHS),
            new Style("folk",
                    "Folk and acoustic: strummed steel-string acoustic guitar, fiddle, upright bass and "
                            + "tambourine in a lilting waltz, warm, rustic and honest, countryside and travel.",
                    List.of("folk", "acoustic", "country", "rustic", "americana", "celtic", "waltz"),
                    84, 132, 3, new Key(7, false),
                    List.of(List.of(0, 3, 4, 0), List.of(0, 4, 5, 3), List.of(0, 0, 3, 4)),
                    25, 32, 110, 46, 5, WALTZ_TAMBOURINE),
            new Style("comedy",
                    "Comedy cartoon music: playful, quirky and bouncy, pizzicato strings, bassoon and tuba "
                            + "oom-pah, xylophone and wood blocks, silly, funny and mischievous slapstick.",
                    List.of("comedy", "funny", "silly", "playful", "quirky", "cartoon", "whimsical"),
                    120, 160, 4, new Key(0, false),
                    List.of(List.of(0, 4, 0, 4), List.of(0, 3, 4, 0), List.of(0, 1, 4, 0)),
                    45, 58, 70, 13, 5, OOM_PAH));

    private Styles() {}

    /** The style named {@code name}. */
    public static Style named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("style : " + name + " (expected: one of "
                        + ALL.stream().map(Style::name).toList() + ")"));
    }

    /**
     * The style with the most whole-word keyword matches in the prompt's style text ({@link
     * PromptReader#styleText}: "no swing" is no vote for jazz); ties go to the earlier style, none to
     * orchestral.
     */
    public static Style forPrompt(String prompt) {
        List<String> words = words(PromptReader.styleText(prompt));
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
