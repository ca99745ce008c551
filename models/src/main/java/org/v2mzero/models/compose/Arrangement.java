package org.v2mzero.models.compose;

import java.util.Collection;
import java.util.List;
import org.v2mzero.protocol.TempoMap;

/**
 * A generator's symbolic result: stems of notes on a tempo map.
 *
 * @param style           the style the prompt was read as
 * @param tempoMap        the tempo map the notes were written against
 * @param durationSeconds length of the cue
 * @param stems           one part per stem
 * @param styleMatch      how the prompt was read as a style (method, similarity, runners-up)
 * @param key             the key the notes are in, or {@code null} when the generator has none
 */
public record Arrangement(String style, TempoMap tempoMap, double durationSeconds, List<StemPart> stems,
        StyleMatch styleMatch, Key key) {
    public Arrangement {
        stems = List.copyOf(stems);
    }

    /** The stem of that name, or {@code null}. */
    public StemPart stem(String name) {
        return stems.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    /** The stem names, in order. */
    public List<String> stemNames() {
        return stems.stream().map(StemPart::name).toList();
    }

    /** The same arrangement with only the named stems, in this arrangement's order. */
    public Arrangement only(Collection<String> names) {
        return new Arrangement(style, tempoMap, durationSeconds,
                stems.stream().filter(s -> names.contains(s.name())).toList(), styleMatch, key);
    }
}
