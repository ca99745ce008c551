package org.v2mzero.models.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RotationTest {
    // 3 wide, 2 high:  1 2 3 / 4 5 6
    private static final float[] SRC = {1, 2, 3, 4, 5, 6};

    @Test
    void clockwiseQuarterTurn() {
        // Turned clockwise the left column (1,4) becomes the top row, read bottom-up: 4 1.
        assertArrayEquals(new float[] {4, 1, 5, 2, 6, 3}, Rotation.rotate(SRC, 3, 2, 90));
    }

    @Test
    void halfTurn() {
        assertArrayEquals(new float[] {6, 5, 4, 3, 2, 1}, Rotation.rotate(SRC, 3, 2, 180));
    }

    @Test
    void threeQuarterTurn() {
        assertArrayEquals(new float[] {3, 6, 2, 5, 1, 4}, Rotation.rotate(SRC, 3, 2, 270));
    }

    @Test
    void noTurnIsIdentity() {
        assertSame(SRC, Rotation.rotate(SRC, 3, 2, 0));
    }

    @Test
    void fourQuarterTurnsAreIdentity() {
        float[] a = Rotation.rotate(SRC, 3, 2, 90);
        float[] b = Rotation.rotate(a, 2, 3, 90);
        float[] c = Rotation.rotate(b, 3, 2, 90);
        assertArrayEquals(SRC, Rotation.rotate(c, 2, 3, 90));
    }

    @Test
    void displayMatrixAngleIsCounterClockwise() {
        assertEquals(90, Rotation.clockwiseDegrees(-90));
        assertEquals(270, Rotation.clockwiseDegrees(90));
        assertEquals(180, Rotation.clockwiseDegrees(180));
        assertEquals(180, Rotation.clockwiseDegrees(-180));
        assertEquals(0, Rotation.clockwiseDegrees(0.4));
        assertEquals(0, Rotation.clockwiseDegrees(Double.NaN));
    }

    @Test
    void rejectsOddAngles() {
        assertThrows(IllegalArgumentException.class, () -> Rotation.rotate(SRC, 3, 2, 45));
        assertThrows(IllegalArgumentException.class, () -> Rotation.rotate(SRC, 2, 2, 90));
    }
}
