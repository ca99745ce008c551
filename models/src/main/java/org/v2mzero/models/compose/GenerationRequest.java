package org.v2mzero.models.compose;

import org.v2mzero.protocol.CurveAnalysis;

/**
 * What a generator is asked for.
 *
 * @param analysis        the video's event curve, hits and cuts
 * @param prompt          the composer's text, e.g. "tense orchestral, D minor"
 * @param seed            same request and seed give the same arrangement
 * @param durationSeconds length of the cue to write
 */
public record GenerationRequest(CurveAnalysis analysis, String prompt, long seed, double durationSeconds) {}
