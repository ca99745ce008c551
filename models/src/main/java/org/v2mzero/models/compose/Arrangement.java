package org.v2mzero.models.compose;

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
 */
public record Arrangement(String style, TempoMap tempoMap, double durationSeconds, List<StemPart> stems,
        StyleMatch styleMatch) {
    public Arrangement {
        stems = List.copyOf(stems);
    }
}
