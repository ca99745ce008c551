package org.v2mzero.models.neural;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.v2mzero.models.compose.Note;
import org.v2mzero.models.compose.StemPart;

/**
 * The short text a training piece's style vector is the MiniLM embedding of (MODEL.md, "Conditioning"):
 * its source's character, its instruments, tempo, density and loudness, in the words a composer's prompt
 * would use ("game metal, distorted guitar, bass and drums, fast 160 bpm, busy, loud"). Written from the
 * decoded piece only, so the same rules describe any corpus. Immutable; any thread.
 */
public final class PieceDescription {
    /** What each corpus source sounds like (training/README.md), by the id's prefix before '/'. */
    private static final Map<String, String> SOURCES = Map.of(
            "freedoom", "game music, metal, rock and dark ambient",
            "planetblupi-music-midi", "playful game music",
            "openttd-openmsx", "jazz, blues, ragtime and pop",
            "mma", "accompaniment groove",
            "abcmidi", "folk tune with chords");

    private PieceDescription() {}

    public static String of(String pieceId, TokenPiece piece) {
        List<String> words = new ArrayList<>();
        String source = pieceId.contains("/") ? pieceId.substring(0, pieceId.indexOf('/')) : pieceId;
        words.add(SOURCES.getOrDefault(source, "music"));
        words.add(instruments(piece.parts()));
        double bpm = piece.tempoMap().initialBpm();
        words.add(pace(bpm) + " " + Math.round(bpm) + " bpm");
        double seconds = Math.max(1, end(piece.parts()));
        int notes = piece.parts().stream().mapToInt(p -> p.notes().size()).sum();
        double perSecond = notes / seconds;
        words.add(perSecond < 3 ? "sparse" : perSecond < 10 ? "steady" : "busy");
        double velocity = piece.parts().stream().flatMap(p -> p.notes().stream()).mapToInt(Note::velocity)
                .average().orElse(64);
        words.add(velocity < 60 ? "soft" : velocity < 95 ? "moderate" : "loud");
        return String.join(", ", words);
    }

    /** The parts with the most notes first, at most four, by their GM family name. */
    private static String instruments(List<StemPart> parts) {
        List<String> names = parts.stream()
                .sorted(Comparator.comparingInt((StemPart p) -> p.notes().size()).reversed())
                .limit(4)
                .map(p -> p.name().replaceAll("-\\d+$", "").replace('-', ' '))
                .distinct()
                .toList();
        if (names.isEmpty()) {
            return "silence";
        }
        return names.size() == 1 ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String pace(double bpm) {
        return bpm < 80 ? "slow" : bpm < 120 ? "moderate" : bpm < 150 ? "driving" : "fast";
    }

    /** Seconds at which the last note ends. */
    static double end(List<StemPart> parts) {
        return parts.stream().flatMap(p -> p.notes().stream())
                .mapToDouble(n -> n.startSeconds() + n.durationSeconds()).max().orElse(0);
    }
}
