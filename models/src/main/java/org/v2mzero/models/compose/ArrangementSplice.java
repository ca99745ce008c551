package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A take regenerated over a time range: the parent's notes outside {@code [start, end)}, the new
 * arrangement's inside, so the new take plays exactly like its parent up to {@code start} and from
 * {@code end} on (DESIGN.md §4, "time range").
 *
 * <p>For every regenerated stem: a parent note starting before {@code start} is kept but ends at
 * {@code start} at the latest; a new note starting in {@code [start, end)} is kept and ends at {@code end}
 * at the latest; a parent note starting at or after {@code end} is kept as it is; a parent note starting
 * inside the range is dropped. A stem that is not regenerated keeps all its parent notes. A stem only
 * the parent has is spliced with no new notes; a regenerated stem only the new arrangement has keeps its
 * notes inside the range (and is left out when it has none there).
 *
 * <p>The result has the parent's tempo map, duration and key, and the parent's stems in its order with
 * their instruments (a stem keeps one program for its whole length), then the new stems. Stateless; any
 * thread.
 */
public final class ArrangementSplice {
    private static final Comparator<Note> ONSET_ORDER =
            Comparator.comparingDouble(Note::startSeconds).thenComparingInt(Note::pitch);

    private ArrangementSplice() {}

    /**
     * @param parent the take's arrangement
     * @param fresh  the arrangement written for the range, on the parent's tempo map
     * @param start  first regenerated moment, seconds (0 <= start < end)
     * @param end    end of the range (exclusive), seconds; at most the parent's duration
     * @param stems  the stems to regenerate, or {@code null} for every stem of either arrangement
     * @return the new take's arrangement: the fresh one's style and style match, the parent's timing and key
     * @throws IllegalArgumentException when the tempo maps differ, the range is not inside the take, or a
     *                                  named stem is in neither arrangement
     */
    public static Arrangement splice(Arrangement parent, Arrangement fresh, double start, double end,
            Collection<String> stems) {
        check(parent, fresh, start, end, stems);
        List<StemPart> out = new ArrayList<>();
        for (StemPart p : parent.stems()) {
            if (!regenerated(p.name(), stems)) {
                out.add(p);
                continue;
            }
            StemPart f = fresh.stem(p.name());
            List<Note> notes = kept(p.notes(), start, end);
            notes.addAll(inside(f == null ? List.of() : f.notes(), start, end));
            List<Choke> chokes = keptChokes(p.chokes(), start, end);
            chokes.addAll(chokesInside(f == null ? List.of() : f.chokes(), start, end));
            chokes.sort(Comparator.comparingDouble(Choke::start));
            out.add(new StemPart(p.name(), p.program(), p.percussion(), sorted(notes), chokes));
        }
        for (StemPart f : fresh.stems()) {
            if (parent.stem(f.name()) == null && regenerated(f.name(), stems)) {
                List<Note> notes = inside(f.notes(), start, end);
                if (!notes.isEmpty()) {
                    out.add(new StemPart(f.name(), f.program(), f.percussion(), sorted(notes),
                            chokesInside(f.chokes(), start, end)));
                }
            }
        }
        return new Arrangement(fresh.style(), parent.tempoMap(), parent.durationSeconds(), out, fresh.styleMatch(),
                parent.key());
    }

    /** The parent's notes outside the range: those before it end at {@code start} at the latest. */
    private static List<Note> kept(List<Note> notes, double start, double end) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            if (n.startSeconds() < start) {
                out.add(endingBy(n, start));
            } else if (n.startSeconds() >= end) {
                out.add(n);
            }
        }
        return out;
    }

    /** The parent's chokes wholly outside the range. */
    private static List<Choke> keptChokes(List<Choke> chokes, double start, double end) {
        return new ArrayList<>(chokes.stream().filter(c -> c.end() <= start || c.start() >= end).toList());
    }

    /** The new chokes wholly inside the range. */
    private static List<Choke> chokesInside(List<Choke> chokes, double start, double end) {
        return new ArrayList<>(chokes.stream().filter(c -> c.start() >= start && c.end() <= end).toList());
    }

    /** The new notes starting inside the range, ending at {@code end} at the latest. */
    private static List<Note> inside(List<Note> notes, double start, double end) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            if (n.startSeconds() >= start && n.startSeconds() < end) {
                out.add(endingBy(n, end));
            }
        }
        return out;
    }

    /** The note, cut to end at {@code time} if it ends later (a note ending before is left exactly as it is). */
    private static Note endingBy(Note n, double time) {
        if (n.startSeconds() + n.durationSeconds() <= time) {
            return n;
        }
        return new Note(n.startSeconds(), time - n.startSeconds(), n.pitch(), n.velocity());
    }

    private static List<Note> sorted(List<Note> notes) {
        List<Note> out = new ArrayList<>(notes);
        out.sort(ONSET_ORDER);
        return out;
    }

    private static boolean regenerated(String stem, Collection<String> stems) {
        return stems == null || stems.contains(stem);
    }

    private static void check(Arrangement parent, Arrangement fresh, double start, double end,
            Collection<String> stems) {
        if (!parent.tempoMap().equals(fresh.tempoMap())) {
            throw new IllegalArgumentException("fresh.tempoMap : " + fresh.tempoMap() + " (expected: the parent's, "
                    + parent.tempoMap() + ")");
        }
        if (!(start >= 0 && start < end && end <= parent.durationSeconds())) {
            throw new IllegalArgumentException("range : [" + start + ", " + end + ") s (expected: 0 <= start < end <= "
                    + parent.durationSeconds() + ")");
        }
        if (stems != null) {
            Set<String> known = new LinkedHashSet<>(parent.stemNames());
            known.addAll(fresh.stemNames());
            for (String name : stems) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("stems : " + name + " (expected: one of "
                            + String.join(", ", known) + ")");
                }
            }
        }
    }
}
