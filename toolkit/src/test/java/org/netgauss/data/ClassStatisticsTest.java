package org.netgauss.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Class statistics against a hand-made data set whose means and ink shares are known exactly. */
class ClassStatisticsTest {
    @Test
    void countsMeansAndInkAreThoseOfTheImages() {
        // class 0: images (0, 1) and (0.4, 0.6); class 1: (1, 1)
        Dataset train = new Dataset("t", new float[] {0, 1, 0.4f, 0.6f, 1, 1}, new int[] {0, 0, 1}, 2, 2);
        Dataset test = new Dataset("s", new float[] {0, 0}, new int[] {1}, 2, 2);
        ClassStatistics s = ClassStatistics.of(train, test);
        assertArrayEquals(new int[] {2, 1}, s.trainCounts());
        assertArrayEquals(new int[] {0, 1}, s.testCounts());
        assertEquals(0.5, s.intensity()[0], 1e-7);
        assertEquals(1.0, s.intensity()[1], 1e-7);
        assertEquals(0.5, s.inkShare()[0], 1e-12, "1 of 2 pixels above 0.5, then 1 of 2");
        assertArrayEquals(new float[] {0.2f, 0.8f}, s.meanImages()[0], 1e-7f);
        Dataset means = s.meanImageSet();
        assertEquals(1, means.label(1));
        assertEquals(0.8f, means.feature(0, 1), 1e-7f);
        assertEquals(0.5, s.toTable().doubleColumn("ink share (>0.5)").get(0), 1e-12);
        assertEquals(2, s.toTable().intColumn("train").get(0));
    }
}
