package org.v2mzero.models.curve;

import java.util.ArrayList;
import java.util.List;
import org.v2mzero.protocol.Section;

/** The merge step of {@link SectionFinder}: short parts joined to their shorter neighbour. Pure. */
final class SectionMerge {
    private SectionMerge() {}

    /**
     * @param bounds     ascending part boundaries, first 0 and last the duration
     * @param minSeconds shortest part kept on its own, seconds
     */
    static List<Section> mergeShort(List<Double> bounds, double minSeconds) {
        List<Double> b = new ArrayList<>(bounds);
        while (b.size() > 2) {
            int shortest = 0;
            for (int i = 1; i + 1 < b.size(); i++) {
                if (length(b, i) < length(b, shortest)) {
                    shortest = i;
                }
            }
            if (length(b, shortest) >= minSeconds) {
                break;
            }
            boolean hasBefore = shortest > 0;
            boolean hasAfter = shortest + 2 < b.size();
            boolean intoBefore = hasBefore && (!hasAfter || length(b, shortest - 1) <= length(b, shortest + 1));
            // Joining part i to part i-1 drops bound i; joining it to part i+1 drops bound i+1.
            b.remove(intoBefore ? shortest : shortest + 1);
        }
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i + 1 < b.size(); i++) {
            sections.add(new Section(b.get(i), b.get(i + 1)));
        }
        return sections;
    }

    private static double length(List<Double> bounds, int part) {
        return bounds.get(part + 1) - bounds.get(part);
    }
}
