package org.v2mzero.bridge.jack;

/**
 * A {@link PlayableTake} laid out by port index, so the process callback finds each port's samples by
 * array index instead of a map lookup. Built on a control thread, read only by the audio thread.
 *
 * @param source     the take this was resolved from (reported back to control threads)
 * @param startFrame timeline frame of the first sample
 * @param sampleRate frames per second of the samples
 * @param portLeft   per player stem port, the left samples, or {@code null}: that port plays silence
 * @param portRight  per player stem port, the right samples, or {@code null}
 * @param extraLeft  left samples of stems without a port of their own: heard on the mix only
 * @param extraRight right samples of those stems
 */
record ResolvedTake(PlayableTake source, long startFrame, int sampleRate, float[][] portLeft,
        float[][] portRight, float[][] extraLeft, float[][] extraRight) {}
