package org.v2mzero.models.neural;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.v2mzero.protocol.EventCurve;

class CurveCriticTest {
    /** 25 samples a second for 10 s: calm (-0.2 z) but for a cut of 6 z at 4 s and a busy second (1 z) at 7..8 s. */
    private static final EventCurve VIDEO = video();

    private static EventCurve video() {
        double[] t = new double[251];
        double[] v = new double[251];
        for (int i = 0; i < t.length; i++) {
            t[i] = i / 25.0;
            v[i] = t[i] >= 7 && t[i] <= 8 ? 1 : -0.2;
        }
        v[100] = 6;
        return new EventCurve(t, v);
    }

    private static CurveCritic critic(EventCurve curve) {
        return new CurveCritic(curve, CurveFeatures.of(curve));
    }

    @Test
    void aNoteCountsForABarWhereThePictureChangesAndAgainstItWhereItIsStill() {
        CurveCritic c = critic(VIDEO);
        assertTrue(c.note(7.5, 100) > 0.3, "busy: " + c.note(7.5, 100));
        assertTrue(c.note(2, 100) < 0, "still: " + c.note(2, 100));
        assertEquals(c.note(7.5, 100) / 2, c.note(7.5, 50), 1e-12, "in proportion to its loudness");
    }

    @Test
    void aNoteOnTheCutIsWorthMostAndOnlyRightOnIt() {
        CurveCritic c = critic(VIDEO);
        double on = c.note(4.0, 127);
        assertTrue(on > CurveCritic.HIT_BONUS, "on the cut: " + on);
        assertTrue(on > 2 * c.note(7.5, 127), "more than in the busy second");
        assertTrue(c.note(4.3, 127) < 0.5, "0.3 s off, only the smoothed curve: " + c.note(4.3, 127));
    }

    @Test
    void aNoteJustBeforeTheCutCostsTheCutsWeightSoTheCutLandsInTheOpen() {
        CurveCritic c = critic(VIDEO);
        // 0.3 s either side of the cut the smoothed curve is the same; before it, the 6 z cut (weight 1) costs 1.
        assertEquals(c.note(4.3, 127) - 1, c.note(3.7, 127), 1e-9);
        assertTrue(c.note(3.7, 127) < 0, "before the cut: " + c.note(3.7, 127));
        assertEquals(c.note(4.6, 127), c.note(3.4, 127), 1e-9, "0.6 s before: beyond the half second");
    }

    @Test
    void aNoteThatEndsASilenceCountsTwiceEveryNoteOfItsChord() {
        CurveCritic c = critic(VIDEO);
        CurveCritic.Tally t = new CurveCritic.Tally();
        c.add(t, 7.2, 100); // the first note of the cue: an entry
        c.add(t, 7.2, 80); // its chord
        assertEquals(2 * (c.note(7.2, 100) + c.note(7.2, 80)), t.score(), 1e-12);
        c.add(t, 7.4, 100); // 0.2 s on: the music goes on
        assertEquals(2 * (c.note(7.2, 100) + c.note(7.2, 80)) + c.note(7.4, 100), t.score(), 1e-12);
        CurveCritic.Tally branch = t.copy();
        c.add(branch, 9.4, 100); // after 2 s without a note, into the calm: counts against twice
        assertEquals(t.score() + 2 * c.note(9.4, 100), branch.score(), 1e-12);
        assertTrue(branch.score() < t.score());
        assertEquals(2 * (c.note(7.2, 100) + c.note(7.2, 80)) + c.note(7.4, 100), t.score(), 1e-12, "the copy branched");
    }

    @Test
    void aFlatOrEmptyCurveRanksNothing() {
        assertEquals(0, critic(EventCurve.EMPTY).note(1, 100));
        EventCurve flat = new EventCurve(new double[] {0, 10}, new double[] {0.5, 0.5});
        assertEquals(0, critic(flat).note(3, 100), 1e-12, "centred: a constant curve favours no moment");
    }
}
