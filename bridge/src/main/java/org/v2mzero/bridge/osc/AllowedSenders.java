package org.v2mzero.bridge.osc;

import java.net.InetAddress;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;

/**
 * Which hosts may drive an {@link OscControlServer}: by default only this machine (any loopback
 * address), since OSC has no authentication and a regeneration costs minutes of GPU time.
 *
 * @param loopback  whether every loopback address ({@code 127.0.0.0/8}, {@code ::1}) is allowed
 * @param addresses further allowed hosts, compared by address
 */
public record AllowedSenders(boolean loopback, Set<InetAddress> addresses) {
    public AllowedSenders {
        if (addresses == null || addresses.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("addresses : " + addresses + " (expected: a set without null)");
        }
        addresses = Set.copyOf(addresses);
    }

    /** This machine only: the default. */
    public static AllowedSenders loopbackOnly() {
        return new AllowedSenders(true, Set.of());
    }

    /** This machine and {@code others} (e.g. the host running Reaper on the studio network). */
    public static AllowedSenders loopbackAnd(Collection<InetAddress> others) {
        return new AllowedSenders(true, Set.copyOf(others));
    }

    /** Exactly {@code hosts}; a loopback address is allowed only if listed. */
    public static AllowedSenders only(Collection<InetAddress> hosts) {
        return new AllowedSenders(false, Set.copyOf(hosts));
    }

    /** Any thread. Whether a datagram from {@code sender} is taken. */
    public boolean allows(InetAddress sender) {
        return (loopback && sender.isLoopbackAddress()) || addresses.contains(sender);
    }

    /** E.g. {@code loopback, /192.0.2.10}, for the log. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(loopback ? "loopback" : "");
        for (InetAddress address : addresses) {
            text.append(text.length() == 0 ? "" : ", ").append(address);
        }
        return text.length() == 0 ? "nobody" : text.toString();
    }

    /** Whether every allowed host is this machine: then the server listens on loopback alone. */
    boolean localOnly() {
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                return false;
            }
        }
        return true;
    }
}
