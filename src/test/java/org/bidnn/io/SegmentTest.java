package org.bidnn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SegmentTest {

    @Test
    void splitsIntoModalityCopies() {
        Segment s = new Segment("a", new float[] {1, 2, 3, 4, 5});
        float[] first = s.modality1(2);
        assertArrayEquals(new float[] {1, 2}, first);
        assertArrayEquals(new float[] {3, 4, 5}, s.modality2(2));
        first[0] = 99;
        assertEquals(1, s.values()[0], "a copy, not a view");
        assertThrows(IllegalArgumentException.class, () -> s.modality1(6));
    }

    @Test
    void equalityIsByContent() {
        assertEquals(new Segment("a", new float[] {1, 2}), new Segment("a", new float[] {1, 2}));
        assertEquals(new Segment("a", new float[] {1, 2}).hashCode(), new Segment("a", new float[] {1, 2}).hashCode());
        assertNotEquals(new Segment("a", new float[] {1, 2}), new Segment("a", new float[] {1, 3}));
        assertNotEquals(new Segment("a", new float[] {1, 2}), new Segment("b", new float[] {1, 2}));
    }

    @Test
    void needsAnId() {
        assertThrows(IllegalArgumentException.class, () -> new Segment(" ", new float[1]));
        assertThrows(IllegalArgumentException.class, () -> new Segment(null, new float[1]));
    }
}
