package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;

class GraphImagesTest {

    @Test
    void gridHasOneCellPerGraphAndDrawsSomething() {
        List<InvariantGraph> g = List.of(Invariants.paper(14), Invariants.paper(23), Invariants.paper(45),
                Invariants.paper(52));
        BufferedImage img = GraphImages.grid(g, List.of("I14", "I23", "I45", "I52"), 3);
        assertEquals(3 * GraphImages.CELL, img.getWidth());
        assertEquals(2, img.getHeight() / GraphImages.CELL);
        int blue = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if ((rgb & 0xff) > 0x80 && ((rgb >> 16) & 0xff) < 0x60) {
                    blue++;
                }
            }
        }
        assertTrue(blue > 100, "edges are drawn in blue, found " + blue + " blue pixels");
    }

    @Test
    void captionsMustMatchGraphs() {
        assertThrows(IllegalArgumentException.class,
                () -> GraphImages.grid(List.of(Invariants.paper(14)), List.of(), 2));
    }
}
