package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.netgauss.data.Dataset;

class ImagesTest {
    /** Three 2x2 "images": all -1, all +1, and a diagonal of +1 on -1. */
    static Dataset tiny() {
        float[] x = {-1, -1, -1, -1, 1, 1, 1, 1, 1, -1, -1, 1};
        return new Dataset("tiny", x, new int[] {0, 1, 2}, 4, 3);
    }

    @Test
    void gridHasOneCellPerSampleWithBorders() {
        BufferedImage grid = Images.digitGrid(tiny(), 2, 2, 3);
        // 2 cells of 2*3 pixels plus 3 one-pixel borders in each direction
        assertEquals(2 * 6 + 3, grid.getWidth());
        assertEquals(2 * 6 + 3, grid.getHeight());
    }

    @Test
    void greyLevelsSpanMinusOneToOne() {
        BufferedImage grid = Images.digitGrid(tiny(), 1, 3, 1);
        var r = grid.getRaster();
        assertEquals(0, r.getSample(1, 1, 0));   // sample 0, -1 -> black
        assertEquals(255, r.getSample(4, 1, 0)); // sample 1, +1 -> white
        assertEquals(255, r.getSample(7, 1, 0)); // sample 2 top-left +1
        assertEquals(0, r.getSample(8, 1, 0));   // sample 2 top-right -1
        assertEquals(64, r.getSample(0, 0, 0));  // border
    }

    @Test
    void nonSquareSamplesAreRejected() {
        Dataset d = new Dataset("flat", new float[3], new int[] {0}, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> Images.digitGrid(d, 1, 1));
    }
}
