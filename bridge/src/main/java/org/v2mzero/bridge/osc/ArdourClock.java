package org.v2mzero.bridge.osc;

import com.illposed.osc.OSCMessage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Ardour's {@code /position/time} text, {@code HH:MM:SS.mmm}, with an optional leading sign. */
final class ArdourClock {
    private static final Pattern TIME = Pattern.compile("\\s*([+-]?)(\\d+):(\\d{2}):(\\d{2}(?:\\.\\d+)?)\\s*");

    private ArdourClock() {}

    static double seconds(OSCMessage message) throws MalformedOscException {
        String text = OscArgs.string(message, 0);
        Matcher m = TIME.matcher(text);
        if (!m.matches() || "-".equals(m.group(1))) {
            throw new MalformedOscException(message.getAddress() + " : \"" + text + "\" (expected: HH:MM:SS.mmm >= 0)");
        }
        return Integer.parseInt(m.group(2)) * 3600.0 + Integer.parseInt(m.group(3)) * 60.0
                + Double.parseDouble(m.group(4));
    }
}
