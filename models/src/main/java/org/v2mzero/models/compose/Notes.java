package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Helpers the stem writers (and the neural generator) share to keep notes valid: inside the cue, in MIDI range, in onset order. */
public final class Notes {
    /** Shortest note kept after clipping, seconds. */
    static final double MIN_SECONDS = 0.01;

    private Notes() {}

    /** Gap left between a note and the next strike of the same key, seconds. */
    static final double REPEAT_GAP = 0.001;

    /**
     * Notes starting at or after the end are dropped, the rest are cut at the end; a note still held
     * when its key is struck again is cut just before (MIDI cannot tell two held notes of one key apart,
     * so the first note-off would end both); velocities and pitches are clamped to MIDI range; the
     * result is sorted by onset, then pitch.
     */
    public static List<Note> clip(List<Note> notes, double durationSeconds) {
        List<Note> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingDouble(Note::startSeconds).thenComparingInt(Note::pitch));
        Map<Integer, Double> nextStrike = new HashMap<>();
        List<Note> reversed = new ArrayList<>();
        for (int i = sorted.size() - 1; i >= 0; i--) {
            Note n = sorted.get(i);
            // Two strikes of one key at the same time leave the earlier one no length: it is dropped below.
            double held = nextStrike.getOrDefault(n.pitch(), Double.POSITIVE_INFINITY) - REPEAT_GAP - n.startSeconds();
            reversed.add(new Note(n.startSeconds(), Math.min(n.durationSeconds(), held), n.pitch(), n.velocity()));
            nextStrike.put(n.pitch(), n.startSeconds());
        }
        List<Note> out = new ArrayList<>();
        for (Note n : reversed) {
            double start = Math.max(0, n.startSeconds());
            double length = n.durationSeconds() - (start - n.startSeconds());
            if (start + length > durationSeconds) {
                length = durationSeconds - start;
            }
            if (start >= durationSeconds || length < MIN_SECONDS) {
                continue;
            }
            out.add(new Note(start, length, clamp(n.pitch(), 0, 127), clamp(n.velocity(), 1, 127)));
        }
        out.sort(Comparator.comparingDouble(Note::startSeconds).thenComparingInt(Note::pitch));
        return out;
    }

    static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The pitch of a pitch class nearest above or at {@code low}. */
    static int atOrAbove(int pitchClass, int low) {
        return low + Math.floorMod(pitchClass - low, 12);
    }
}
