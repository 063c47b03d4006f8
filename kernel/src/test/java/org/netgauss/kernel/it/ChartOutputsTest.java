package org.netgauss.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.netgauss.notebook.ChartGeometry;
import org.netgauss.notebook.ChartImages;
import org.netgauss.notebook.NetgaussExtension;

/** The notebook check's chart test on hand-made notebooks: a real plot passes, a blank one and an unguarded one fail. */
class ChartOutputsTest {
    @TempDir
    Path dir;

    static XYChart chart(int series, String longName) {
        XYChart c = new XYChartBuilder().width(420).height(400).title("KS").build();
        c.getStyler().setLegendPosition(LegendPosition.OutsideS);
        for (int k = 0; k < series; k++) {
            c.addSeries(longName + k, new double[] {1, 2, 3}, new double[] {k, k + 1, k + 3});
        }
        return c;
    }

    static JsonObject rendered(Object value) {
        Renderer r = new Renderer();
        NetgaussExtension.registerRenderers(r);
        JsonObject out = new Gson().toJsonTree(r.render(value)).getAsJsonObject();
        out.addProperty("output_type", "display_data");
        return out;
    }

    /** An output as an old renderer would have made it: the chart as it is, its own plot area in the metadata. */
    static JsonObject unfixed(XYChart chart, boolean withPlot) {
        ChartGeometry.Inspection in = ChartGeometry.inspect(chart);
        ChartImages.Png png = ChartImages.png2x(chart);
        JsonObject out = new JsonObject();
        out.addProperty("output_type", "display_data");
        JsonObject data = new JsonObject();
        data.addProperty("image/png", png.base64());
        data.addProperty("text/plain", ChartImages.describe(chart));
        out.add("data", data);
        JsonObject meta = new JsonObject();
        JsonObject pngMeta = new JsonObject();
        pngMeta.addProperty("width", png.width());
        pngMeta.addProperty("height", png.height());
        if (withPlot) {
            JsonArray p = new JsonArray();
            for (double v : new double[] {in.plot().getX(), in.plot().getY(), in.plot().getWidth(),
                in.plot().getHeight()}) {
                p.add(v);
            }
            pngMeta.add("netgauss_plot", p);
        }
        meta.add("image/png", pngMeta);
        out.add("metadata", meta);
        return out;
    }

    Path notebook(JsonObject... outputs) throws Exception {
        JsonArray outs = new JsonArray();
        for (JsonObject o : outputs) {
            outs.add(o);
        }
        JsonObject cell = new JsonObject();
        cell.addProperty("cell_type", "code");
        cell.add("outputs", outs);
        JsonArray cells = new JsonArray();
        JsonObject md = new JsonObject();
        md.addProperty("cell_type", "markdown");
        cells.add(md);
        cells.add(cell);
        JsonObject nb = new JsonObject();
        nb.add("cells", cells);
        Path f = dir.resolve("t.ipynb");
        Files.writeString(f, nb.toString());
        return f;
    }

    @Test
    void chartRenderedByTheToolkitIsARealPlotEvenWith17Series() throws Exception {
        List<ChartOutputs.Chart> charts = ChartOutputs.of(notebook(rendered(chart(17, "phi_o(theta=2.05) "))));
        assertEquals(1, charts.size());
        assertTrue(charts.get(0).real(), charts.get(0).toString());
        assertTrue(charts.get(0).where().equals("t.ipynb code cell 1, image 1"), charts.get(0).where());
    }

    @Test
    void the17SeriesPanelAsItWasRenderedBeforeIsBlank() throws Exception {
        ChartOutputs.Chart c = ChartOutputs.of(notebook(unfixed(chart(17, "phi_o(theta=2.05) "), true))).get(0);
        assertFalse(c.real(), c.toString());
        assertTrue(c.plotFraction() < ChartOutputs.MIN_PLOT_FRACTION, c.toString());
    }

    @Test
    void emptyPlotIsBlank() throws Exception {
        XYChart c = new XYChartBuilder().width(400).height(300).build();
        var s = c.addSeries("invisible", new double[] {0, 1}, new double[] {0, 1});
        s.setLineColor(Color.WHITE);
        s.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        ChartOutputs.Chart out = ChartOutputs.of(notebook(unfixed(c, true))).get(0);
        assertTrue(out.plotFraction() >= ChartOutputs.MIN_PLOT_FRACTION && out.ink() < ChartOutputs.MIN_INK,
                out.toString());
        assertFalse(out.real());
    }

    @Test
    void chartWithoutThePlotMetadataFails() throws Exception {
        ChartOutputs.Chart c = ChartOutputs.of(notebook(unfixed(chart(2, "s"), false))).get(0);
        assertFalse(c.real());
        assertTrue(c.description().contains("not rendered by the toolkit"), c.description());
    }

    @Test
    void imagesThatAreNotChartsAreLeftAlone() throws Exception {
        var image = new java.awt.image.BufferedImage(10, 10, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Renderer r = new Renderer();
        org.dflib.jjava.jupyter.kernel.display.common.Image.registerAll(r);
        JsonObject out = new Gson().toJsonTree(r.render(image)).getAsJsonObject();
        out.addProperty("output_type", "display_data");
        assertEquals(List.of(), ChartOutputs.of(notebook(out)));
    }
}
