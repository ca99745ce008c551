package org.v2mzero.models.neural;

import java.util.List;
import org.v2mzero.models.compose.StemPart;
import org.v2mzero.protocol.TempoMap;

/**
 * What tokens describe: the metre of each bar, the tempo over time and the notes of each instrument.
 *
 * @param metres   ascending by bar, the first at bar 0; each applies until the next
 * @param tempoMap beats (quarter notes) to seconds; its {@code beatsPerBar} is a summary of
 *                 {@code metres} (a {@link TempoMap} holds a single n/4 metre), the tokens use {@code metres}
 * @param parts    note times in seconds through {@code tempoMap}
 */
public record TokenPiece(List<Metre> metres, TempoMap tempoMap, List<StemPart> parts) {
    public TokenPiece {
        metres = List.copyOf(metres);
        parts = List.copyOf(parts);
        if (metres.isEmpty() || metres.get(0).bar() != 0) {
            throw new IllegalArgumentException("metres : must start at bar 0");
        }
        for (int i = 1; i < metres.size(); i++) {
            if (metres.get(i).bar() <= metres.get(i - 1).bar()) {
                throw new IllegalArgumentException("metres[" + i + "] : bar " + metres.get(i).bar()
                        + " (expected: > " + metres.get(i - 1).bar() + ")");
            }
        }
    }

    /** A piece in one n/4 metre, {@code tempoMap.beatsPerBar()} quarters to the bar. */
    public static TokenPiece of(TempoMap tempoMap, List<StemPart> parts) {
        return new TokenPiece(List.of(new Metre(0, tempoMap.beatsPerBar(), 4)), tempoMap, parts);
    }
}
