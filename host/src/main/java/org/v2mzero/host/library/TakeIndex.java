package org.v2mzero.host.library;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.v2mzero.protocol.TakeManifest;

/**
 * The library's takes, by id and oldest first. Never changed, only replaced ({@link #with}), so a
 * reader on any thread holding one sees a consistent library without a lock.
 */
record TakeIndex(Map<String, LibraryScan.Take> byId, List<TakeManifest> oldestFirst) {
    private static final Comparator<LibraryScan.Take> OLDEST_FIRST =
            Comparator.comparing(LibraryScan.Take::createdAt).thenComparing(t -> t.manifest().takeId());

    static TakeIndex of(Collection<LibraryScan.Take> takes) {
        Map<String, LibraryScan.Take> byId = new HashMap<>();
        takes.forEach(t -> byId.put(t.manifest().takeId(), t));
        return new TakeIndex(Map.copyOf(byId),
                byId.values().stream().sorted(OLDEST_FIRST).map(LibraryScan.Take::manifest).toList());
    }

    /** This index with {@code take} added, or replacing the take of the same id. */
    TakeIndex with(LibraryScan.Take take) {
        List<LibraryScan.Take> takes = new ArrayList<>(byId.values());
        takes.removeIf(t -> t.manifest().takeId().equals(take.manifest().takeId()));
        takes.add(take);
        return of(takes);
    }
}
