package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test
    void okabeItoColoursInAssignmentOrder() {
        // Okabe & Ito (2008), hex values as published
        assertEquals(new Color(0x0072B2), Palette.color(0));
        assertEquals(new Color(0xD55E00), Palette.color(1));
        assertEquals(Palette.color(0), Palette.color(8));
        assertEquals(8, Palette.SERIES.size());
    }

    @Test
    void secondCycleIsDashedThirdDotted() {
        assertEquals(null, Palette.line(3).getDashArray());
        assertEquals(6f, Palette.line(8).getDashArray()[0]);
        assertEquals(1.5f, Palette.line(16).getDashArray()[0]);
    }

    @Test
    void viridisEndsAndClamps() {
        assertEquals(new Color(68, 1, 84), Palette.viridis(0));
        assertEquals(new Color(253, 231, 37), Palette.viridis(1));
        assertEquals(Palette.viridis(1), Palette.viridis(7));
        assertEquals(Palette.REFERENCE, Palette.viridis(Double.NaN));
    }

    @Test
    void divergingIsWhiteAtZero() {
        assertEquals(Color.WHITE, Palette.diverging(0));
        assertEquals(Palette.BLUE, Palette.diverging(-1));
        assertEquals(Palette.VERMILLION, Palette.diverging(2));
    }

    @Test
    void negativeSeriesIndexIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Palette.color(-1));
    }
}
