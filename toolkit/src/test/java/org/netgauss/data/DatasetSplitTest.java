package org.netgauss.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DatasetSplitTest {
    /** 100 samples, one feature each equal to the sample's index, so a sample identifies itself. */
    private static Dataset indexed(int n) {
        float[] x = new float[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % 3;
        }
        return new Dataset("indexed", x, y, 1, 3);
    }

    private static int[] ids(Dataset d) {
        int[] ids = new int[d.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) d.feature(i, 0);
        }
        return ids;
    }

    @Test
    void splitIsDeterministicForASeed() {
        Dataset d = indexed(100);
        assertArrayEquals(ids(d.split(70, 42).train()), ids(d.split(70, 42).train()));
        assertArrayEquals(ids(d.split(70, 42).validation()), ids(d.split(70, 42).validation()));
        assertFalse(Arrays.equals(ids(d.split(70, 42).train()), ids(d.split(70, 43).train())));
    }

    @Test
    void splitPartsAreDisjointAndCoverAllSamples() {
        Dataset.Split split = indexed(100).split(70, 7);
        assertEquals(70, split.train().size());
        assertEquals(30, split.validation().size());
        int[] all = new int[100];
        for (int id : ids(split.train())) {
            all[id]++;
        }
        for (int id : ids(split.validation())) {
            all[id]++;
        }
        int[] ones = new int[100];
        Arrays.fill(ones, 1);
        assertArrayEquals(ones, all);
    }

    @Test
    void splitKeepsLabelsWithTheirSamplesAndOriginalOrder() {
        Dataset.Split split = indexed(50).split(20, 3);
        int[] ids = ids(split.validation());
        for (int i = 0; i < ids.length; i++) {
            assertEquals(ids[i] % 3, split.validation().label(i));
            if (i > 0) {
                assertTrue(ids[i] > ids[i - 1]);
            }
        }
    }

    @Test
    void splitPartsAreNamedAfterTheirRoleAndSeed() {
        Dataset.Split split = indexed(10).split(7, 5);
        assertEquals("indexed[train 7, seed 5]", split.train().name());
        assertEquals("indexed[validation 3, seed 5]", split.validation().name());
    }

    @Test
    void splitRejectsSizesOutsideTheData() {
        assertThrows(IllegalArgumentException.class, () -> indexed(10).split(11, 1));
        assertThrows(IllegalArgumentException.class, () -> indexed(10).split(-1, 1));
        assertEquals(0, indexed(10).split(10, 1).validation().size());
    }

    @Test
    void firstTakesAPrefix() {
        assertArrayEquals(new int[] {0, 1, 2}, ids(indexed(10).first(3)));
        assertEquals(10, indexed(10).first(99).size());
    }
}
