package org.v2mzero.models.compose;

/**
 * One note of a stem, placed in absolute time so that accents can sit exactly on a hit even off the grid.
 *
 * @param startSeconds    onset, seconds from the start of the take
 * @param durationSeconds how long the key is held
 * @param pitch           MIDI key 0..127 (for percussion: the GM drum sound)
 * @param velocity        MIDI velocity 1..127
 */
public record Note(double startSeconds, double durationSeconds, int pitch, int velocity) {}
