package org.v2mzero.bridge.jack;

/**
 * One pending take change, handed from a control thread to the audio thread through an
 * {@code AtomicReference}. Immutable, so publishing the reference publishes the whole swap.
 *
 * @param take        the take to play from {@code atFrame} on; {@code null} plays silence
 * @param atFrame     timeline frame where the new take starts being heard; {@code <=} the transport
 *                    frame means "now"
 */
record TakeSwap(ResolvedTake take, long atFrame) {}
