package org.v2mzero.models.compose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Helpers the stem writers share to keep notes valid: inside the cue, in MIDI range, in onset order. */
final class Notes {
    /** Shortest note kept after clipping, seconds. */
    static final double MIN_SECONDS = 0.01;

    private Notes() {}

    /**
     * Notes starting at or after the end are dropped, the rest are cut at the end; velocities and
     * pitches are clamped to MIDI range; the result is sorted by onset, then pitch.
     */
    static List<Note> clip(List<Note> notes, double durationSeconds) {
        List<Note> out = new ArrayList<>();
        for (Note n : notes) {
            double start = Math.max(0, n.startSeconds());
            double end = Math.min(durationSeconds, n.startSeconds() + n.durationSeconds());
            if (start >= durationSeconds || end - start < MIN_SECONDS) {
                continue;
            }
            out.add(new Note(start, end - start, clamp(n.pitch(), 0, 127), clamp(n.velocity(), 1, 127)));
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
