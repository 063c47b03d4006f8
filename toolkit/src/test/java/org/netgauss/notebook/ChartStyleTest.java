package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.netgauss.preact.Initialisation;

class ChartStyleTest {
    /** Notebook 05's KS-vs-width panel as it was: 16 curves + the noise line, legend below, 420×400. */
    static XYChart notebook05Panel() {
        XYChart ch = new XYChartBuilder().width(420).height(400).title("cfg2 [n, n]").xAxisTitle("n")
                .yAxisTitle("KS to N(0,1)").build();
        ch.getStyler().setYAxisLogarithmic(true);
        ch.getStyler().setLegendPosition(LegendPosition.OutsideS);
        double[] n = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        int k = 0;
        for (Initialisation init : Initialisation.paperSet()) {
            double[] y = new double[10];
            for (int i = 0; i < 10; i++) {
                y[i] = 0.004 * (k + 1) / Math.sqrt(n[i]);
            }
            ch.addSeries(init.name(), n, y);
            k++;
        }
        XYSeries noise = ch.addSeries("noise 0.87/sqrt(N)", new double[] {1, 10}, new double[] {0.0019, 0.0019});
        noise.setLineColor(Color.GRAY);
        noise.setMarker(SeriesMarkers.NONE);
        return ch;
    }

    @Test
    void notebook05HeadlinePanelWasBlankAt17Series() {
        XYChart before = notebook05Panel();
        assertEquals(17, before.getSeriesMap().size());
        ChartGeometry.Inspection in = ChartGeometry.inspect(before);
        // the reproduction: a one-row legend wider than the chart squeezes the plot area to (almost) nothing
        assertTrue(in.plotFraction() < 0.2, in.toString());
    }

    @Test
    void styledNotebook05PanelIsARealPlotAt17Series() {
        XYChart after = ChartStyle.apply(notebook05Panel());
        ChartGeometry.Inspection in = ChartAssertions.assertRealPlot(after);
        assertTrue(in.legendWidth() <= ChartStyle.LEGEND_SHARE * in.width() + 1e-9, in.toString());
    }

    @Test
    void legendStaysRightWhenNarrowAndMovesBelowWhenWide() {
        XYChart narrow = new XYChartBuilder().width(480).height(300).title("loss").xAxisTitle("epoch").build();
        narrow.addSeries("train", new double[] {1, 2, 3, 4}, new double[] {0.9, 0.5, 0.35, 0.3});
        narrow.addSeries("test", new double[] {1, 2, 3, 4}, new double[] {1.0, 0.6, 0.45, 0.42});
        ChartStyle.apply(narrow);
        assertEquals(LegendPosition.OutsideE, narrow.getStyler().getLegendPosition());
        ChartAssertions.assertRealPlot(narrow);

        XYChart wide = new XYChartBuilder().width(640).height(360).build();
        wide.addSeries("a rather long series name for the east side", new double[] {0, 1}, new double[] {0, 1});
        wide.addSeries("another long series name, as notebooks write", new double[] {0, 1}, new double[] {1, 0});
        ChartStyle.apply(wide);
        assertEquals(LegendPosition.OutsideS, wide.getStyler().getLegendPosition());
        assertEquals(LegendLayout.Horizontal, wide.getStyler().getLegendLayout());
        ChartAssertions.assertRealPlot(wide);
    }

    @Test
    void singleSeriesNeedsNoLegend() {
        XYChart c = new XYChartBuilder().width(400).height(300).build();
        c.addSeries("only", new double[] {0, 1, 2}, new double[] {1, 3, 2});
        ChartStyle.apply(c);
        assertFalse(c.getStyler().isLegendVisible());
        ChartAssertions.assertRealPlot(c);
    }

    @Test
    void longTitleShrinksThenWidensTheChartButIsNeverClipped() {
        XYChart c = new XYChartBuilder().width(300).height(260).title("Kolmogorov-Smirnov distance to N(0,1) of the"
                + " second-layer pre-activations against the width of the first layer").build();
        c.addSeries("x", new double[] {0, 1}, new double[] {0, 1});
        ChartStyle.apply(c);
        double w = ChartStyle.TITLE_FONT.deriveFont(c.getStyler().getChartTitleFont().getSize2D())
                .getStringBounds(c.getTitle(), new java.awt.font.FontRenderContext(null, true, false)).getWidth();
        assertTrue(c.getStyler().getChartTitleFont().getSize2D() >= 10);
        assertTrue(w + 2 * c.getStyler().getChartPadding() <= c.getWidth(), w + " vs " + c.getWidth());
    }

    @Test
    void first24SeriesLookDistinctAndHandSetColoursAreKept() {
        XYChart c = new XYChartBuilder().width(640).height(400).build();
        for (int k = 0; k < 24; k++) {
            c.addSeries("s" + k, new double[] {0, 1}, new double[] {k, k + 1});
        }
        XYSeries ref = c.addSeries("reference", new double[] {0, 1}, new double[] {0, 0});
        ref.setLineColor(Palette.REFERENCE);
        ChartStyle.apply(c);
        Set<String> looks = new HashSet<>();
        List<XYSeries> series = new ArrayList<>(c.getSeriesMap().values());
        for (int k = 0; k < 24; k++) {
            XYSeries s = series.get(k);
            looks.add(s.getLineColor() + "/" + java.util.Arrays.toString(s.getLineStyle().getDashArray()));
        }
        assertEquals(24, looks.size());
        assertEquals(Palette.REFERENCE, ref.getLineColor());
        assertNotEquals(series.get(0).getLineColor(), series.get(1).getLineColor());
        ChartAssertions.assertRealPlot(c);
    }

    @Test
    void logScaleOnlyWhenPositiveDataSpanDecades() {
        XYChart spans = new XYChartBuilder().build();
        spans.addSeries("a", new double[] {0, 1, 2}, new double[] {1e-4, 1e-2, 1});
        assertTrue(ChartStyle.logIfDecades(spans, 2));
        assertTrue(spans.getStyler().isYAxisLogarithmic());

        XYChart narrow = new XYChartBuilder().build();
        narrow.addSeries("a", new double[] {0, 1, 2}, new double[] {1, 5, 9});
        assertFalse(ChartStyle.logIfDecades(narrow, 2));

        XYChart signed = new XYChartBuilder().build();
        signed.addSeries("a", new double[] {0, 1, 2}, new double[] {-1, 1e-3, 10});
        assertFalse(ChartStyle.logIfDecades(signed, 2));
        assertFalse(signed.getStyler().isYAxisLogarithmic());
    }

    @Test
    void axisTitleCarriesTheUnit() {
        assertEquals("time t [s]", ChartStyle.axisTitle("time t", "s"));
        assertEquals("KS distance D", ChartStyle.axisTitle("KS distance D", null));
    }

    @Test
    void blankPlotIsNotInk() {
        XYChart empty = new XYChartBuilder().width(400).height(300).build();
        empty.addSeries("flat", new double[] {0, 1}, new double[] {0, 1}).setLineColor(new Color(0xEEEEEE));
        ChartStyle.apply(empty);
        ChartGeometry.Inspection in = ChartGeometry.inspect(empty);
        assertTrue(in.ink() < ChartAssertions.MIN_INK, in.toString());
    }
}
