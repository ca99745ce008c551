package org.v2mzero.bridge.jack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Validation of the names a player registers with JACK, at construction, with messages naming the value. */
final class PortNames {
    // JACK's limits are 64 bytes for a client name and 256 for a full port name; stay well inside them.
    private static final int MAX_NAME = 48;

    private PortNames() {}

    static String checkClientName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME || name.contains(":")) {
            throw new IllegalArgumentException("JACK client name : \"" + name + "\" (expected: 1.."
                    + MAX_NAME + " characters, no ':')");
        }
        return name;
    }

    /** @return an immutable copy of {@code stems}, checked unique, non-empty and not {@code reserved} */
    static List<String> checkStems(List<String> stems, String reserved) {
        Set<String> seen = new HashSet<>();
        for (String stem : stems) {
            if (stem == null || stem.isEmpty() || stem.length() > MAX_NAME || stem.contains(":")) {
                throw new IllegalArgumentException("stem name : \"" + stem + "\" (expected: 1.." + MAX_NAME
                        + " characters, no ':')");
            }
            if (stem.equals(reserved)) {
                throw new IllegalArgumentException("stem name : \"" + stem + "\" (expected: not \"" + reserved
                        + "\", the mix has that name)");
            }
            if (!seen.add(stem)) {
                throw new IllegalArgumentException("stem name : \"" + stem + "\" appears twice (expected: unique)");
            }
        }
        return List.copyOf(stems);
    }

    /** Short port names: {@code <stem>_L}, {@code <stem>_R} per stem in order, then the mix pair. */
    static List<String> ports(List<String> stems, String mix) {
        List<String> names = new ArrayList<>();
        for (String stem : stems) {
            names.add(stem + "_L");
            names.add(stem + "_R");
        }
        names.add(mix + "_L");
        names.add(mix + "_R");
        return List.copyOf(names);
    }
}
