package org.v2mzero.models.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KeyTest {
    @Test
    void everyKeyParsesBackFromItsName() {
        for (int tonic = 0; tonic < 12; tonic++) {
            for (boolean minor : new boolean[] {false, true}) {
                Key key = new Key(tonic, minor);
                assertEquals(key, Key.parse(key.name()));
            }
        }
    }

    @Test
    void refusesOtherText() {
        for (String text : new String[] {"D", "d minor", "H major", "D dorian", "orchestral, D minor", "", null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Key.parse(text));
            assertEquals("key : \"" + text + "\" (expected: a tonic of C C# D Eb E F F# G Ab A Bb B, then major or minor)",
                    e.getMessage());
        }
    }
}
