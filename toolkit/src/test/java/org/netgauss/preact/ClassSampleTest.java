package org.netgauss.preact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.netgauss.data.Dataset;
import org.netgauss.data.Synthetic;

class ClassSampleTest {

    @Test
    void takesPerClassInputsSortedByClass() {
        Dataset data = Synthetic.gaussianBlobs(300, 3, 5, 2.0, 1);
        ClassSample s = ClassSample.of(data, 4, 9);
        assertArrayEquals(new int[] {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2}, s.labels());
        assertEquals(5, s.input(0).length);
        assertEquals(s, ClassSample.of(data, 4, 9));   // a function of the seed
    }

    @Test
    void standardisedInputsHaveMeanSquareOne() {
        ClassSample s = ClassSample.of(Synthetic.gaussianBlobs(100, 2, 7, 1.0, 2), 3, 1).standardised();
        for (int a = 0; a < s.size(); a++) {
            double sq = 0;
            for (double v : s.input(a)) {
                sq += v * v;
            }
            assertEquals(7.0, sq, 1e-12);
        }
    }

    @Test
    void tooFewRowsInAClassIsAnError() {
        Dataset data = Synthetic.gaussianBlobs(20, 2, 3, 1.0, 1);
        assertThrows(IllegalArgumentException.class, () -> ClassSample.of(data, 50, 1));
    }
}
