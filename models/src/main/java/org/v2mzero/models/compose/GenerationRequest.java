package org.v2mzero.models.compose;

import org.v2mzero.protocol.CurveAnalysis;
import org.v2mzero.protocol.TempoMap;

/**
 * What a generator is asked for.
 *
 * @param analysis        the video's event curve, hits and cuts
 * @param prompt          the composer's text, e.g. "tense orchestral, D minor"
 * @param seed            same request and seed give the same arrangement
 * @param durationSeconds length of the cue to write
 * @param continuity      what the music must keep from an earlier take, or {@code null} for a free choice
 */
public record GenerationRequest(CurveAnalysis analysis, String prompt, long seed, double durationSeconds,
        Continuity continuity) {

    /** A cue written from scratch: tempo and key are the generator's (and the prompt's) choice. */
    public GenerationRequest(CurveAnalysis analysis, String prompt, long seed, double durationSeconds) {
        this(analysis, prompt, seed, durationSeconds, null);
    }

    /**
     * The tempo map and key a regenerated range must keep so it joins the take around it: a prompt's
     * "120 bpm" or "in E major" does not override them, and the tempo is not fitted to the curve again.
     *
     * @param tempoMap the earlier take's tempo map, used as it is
     * @param key      the earlier take's key
     */
    public record Continuity(TempoMap tempoMap, Key key) {
        public Continuity {
            if (tempoMap == null || key == null) {
                throw new IllegalArgumentException("tempoMap, key : " + tempoMap + ", " + key
                        + " (expected: both, from the take to continue)");
            }
        }
    }
}
