package org.v2mzero.bridge.osc;

/** A message from the DAW had the right address but arguments this bridge cannot use. */
final class MalformedOscException extends Exception {
    MalformedOscException(String message) {
        super(message);
    }
}
