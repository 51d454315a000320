package org.bidnn.jobs.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.bidnn.io.Segment;
import org.bidnn.model.Presence;
import org.junit.jupiter.api.Test;

class MissingModalitiesTest {

    @Test
    void hidesEachModalityOfTheShareFixedByIdAndSeed() {
        MissingModalities hiding = new MissingModalities(0.2, 1234, 2);
        int[] counts = new int[Presence.values().length];
        for (int i = 0; i < 5000; i++) {
            Segment s = new Segment("seg" + i, new float[] {1, 2, 3});
            Segment hidden = hiding.apply(s);
            counts[Presence.of(hidden.values(), 2, false).ordinal()]++;
            assertArrayEquals(hidden.values(), hiding.apply(s).values(), "the same segments every time");
        }
        assertEquals(0.2, counts[Presence.ONLY_MOD2.ordinal()] / 5000.0, 0.02, "without modality 1");
        assertEquals(0.2, counts[Presence.ONLY_MOD1.ordinal()] / 5000.0, 0.02, "without modality 2");
        assertEquals(0.6, counts[Presence.BOTH.ordinal()] / 5000.0, 0.02);
        Segment s = new Segment("x", new float[] {1, 2, 3});
        assertSame(s, new MissingModalities(0, 1, 2).apply(s), "a share of 0 hides nothing");
    }
}
