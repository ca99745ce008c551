package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.util.List;

/** Reads the arguments DAWs send, failing with a message that names the address, index and type. */
final class OscArgs {
    private OscArgs() {}

    /** Argument {@code index} as a finite number; OSC int, float, int64 and double all do. */
    static double number(OSCMessage message, int index) throws MalformedOscException {
        Object arg = arg(message, index);
        if (!(arg instanceof Number number)) {
            throw wrongType(message, index, arg, "a number");
        }
        double value = number.doubleValue();
        if (!Double.isFinite(value)) {
            throw new MalformedOscException(message.getAddress() + " argument " + index + " : " + value
                    + " (expected: finite)");
        }
        return value;
    }

    /** Argument {@code index} as a string. */
    static String string(OSCMessage message, int index) throws MalformedOscException {
        Object arg = arg(message, index);
        if (!(arg instanceof CharSequence text)) {
            throw wrongType(message, index, arg, "a string");
        }
        return text.toString();
    }

    /** Argument {@code index} as a non-negative whole count of samples written as decimal text. */
    static long samplesText(OSCMessage message, int index) throws MalformedOscException {
        String text = string(message, index).trim();
        try {
            long value = Long.parseLong(text);
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message below, which names the text.
        }
        throw new MalformedOscException(message.getAddress() + " argument " + index + " : \"" + text
                + "\" (expected: samples >= 0)");
    }

    /** A boolean sent as a number, as DAWs do: {@code >= 0.5} is true. */
    static boolean flag(OSCMessage message, int index) throws MalformedOscException {
        return number(message, index) >= 0.5;
    }

    private static Object arg(OSCMessage message, int index) throws MalformedOscException {
        List<Object> args = message.getArguments();
        if (index >= args.size()) {
            throw new MalformedOscException(message.getAddress() + " has " + args.size() + " arguments (expected: > "
                    + index + ")");
        }
        return args.get(index);
    }

    private static MalformedOscException wrongType(OSCMessage message, int index, Object arg, String expected) {
        String type = arg == null ? "nil" : arg.getClass().getSimpleName();
        return new MalformedOscException(message.getAddress() + " argument " + index + " : " + type
                + " (expected: " + expected + ")");
    }
}
