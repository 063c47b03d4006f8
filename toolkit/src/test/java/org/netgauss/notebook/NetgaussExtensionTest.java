package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.ServiceLoader;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class NetgaussExtensionTest {
    static Renderer renderer() {
        Renderer renderer = new Renderer();
        NetgaussExtension.registerRenderers(renderer);
        return renderer;
    }

    @Test
    void tableRendersAsHtmlAndText() {
        DisplayData data = renderer().render(TableHtmlTest.numbered(30));
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<th>square</th>") && html.contains("\u2026 10 more rows"), html);
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).contains("square"));
    }

    @Test
    void tableRowLimitComesFromRenderParameters() {
        DisplayData data = renderer().render(TableHtmlTest.numbered(30), Map.of(NetgaussExtension.MAX_ROWS, 4));
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("\u2026 26 more rows"));
    }

    @Test
    void chartRendersAsPngWithDisplaySizeButNoSvgByDefault() {
        DisplayData data = renderer().render(ChartImagesTest.smallChart());
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_SVG));
        assertEquals("XYChart 'loss' (320x200, series train, test)", data.getData(MIMEType.TEXT_PLAIN));
        String json = new com.google.gson.Gson().toJson(data);
        assertTrue(json.contains("\"image/png\":{\"") && json.contains("\"width\":320")
                && json.contains("\"height\":200"), json.length() > 400 ? json.substring(json.length() - 400) : json);
    }

    @Test
    void chartWithAnOversizedLegendIsLaidOutAgainAndReportsItsPlotArea() {
        var chart = ChartStyleTest.notebook05Panel();
        DisplayData data = renderer().render(chart);
        assertTrue(data.hasDataForType(MIMEType.IMAGE_PNG));
        ChartAssertions.assertRealPlot(chart);
        var meta = com.google.gson.JsonParser.parseString(new com.google.gson.Gson().toJson(data)).getAsJsonObject()
                .getAsJsonObject("metadata").getAsJsonObject("image/png");
        var plot = meta.getAsJsonArray(NetgaussExtension.PLOT);
        assertEquals(4, plot.size());
        double area = plot.get(2).getAsDouble() * plot.get(3).getAsDouble();
        assertTrue(area >= 0.5 * meta.get("width").getAsInt() * meta.get("height").getAsInt(), meta.toString());
    }

    @Test
    void chartRendersAsSvgWhenAsked() {
        DisplayData data = renderer().renderAs(ChartImagesTest.smallChart(), "image/svg+xml");
        assertTrue(((String) data.getData(MIMEType.IMAGE_SVG)).contains("<svg"));
        assertFalse(data.hasDataForType(MIMEType.IMAGE_PNG));
    }

    @Test
    void resultWithATableFormRendersAsThatTableAtFourDigits() {
        var w = new org.netgauss.pigmm.WassersteinBreakdown(10, 0.123456789, 1.0 / 3, 2e-7, 12345.678, Math.PI);
        DisplayData data = renderer().render(w);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html != null && html.contains("<table>"), String.valueOf(html));
        assertTrue(html.contains("<td>0.3333</td>") && html.contains("<td>2e-07</td>")
                && html.contains("<td>12350</td>") && html.contains("<td>3.142</td>"), html);
        assertFalse(html.contains("0.33333"), html);
        assertEquals(w.toString(), data.getData(MIMEType.TEXT_PLAIN));
        // the opt-out: every digit
        String all = (String) renderer().render(w, Map.of(NetgaussExtension.DIGITS, 0)).getData(MIMEType.TEXT_HTML);
        assertTrue(all.contains("<td>" + (1.0 / 3) + "</td>"), all);
    }

    @Test
    void theToolkitsResultTypesAreFound() {
        var names = ResultTables.discover(NetgaussExtension.class).stream().map(Class::getSimpleName).toList();
        for (String expected : java.util.List.of("PigmmFit", "PigmmParameters", "ModelComparison", "DeviationReport",
                "WassersteinBreakdown", "PropagationResult", "CorrelationResult", "InpcaEmbedding",
                "DistanceMatrix")) {
            assertTrue(names.contains(expected), expected + " not among " + names);
        }
        assertFalse(names.contains("TableView"), names.toString());
    }

    @Test
    void arraysPrintTheirElements() {
        DisplayData ints = renderer().render(new int[] {1, 2, 3});
        assertEquals("int[3] {1, 2, 3}", ints.getData(MIMEType.TEXT_PLAIN));
        DisplayData m = renderer().render(new double[][] {{1, 0.123456}, {2.5e-9, 4}});
        assertEquals("double[2][] {double[2] {1.0, 0.123456}, double[2] {2.5E-9, 4.0}}", m.getData(MIMEType.TEXT_PLAIN));
        String html = (String) m.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<td>0.1235</td>") && html.contains("<td>2.5e-09</td>"), html);
        assertEquals("String[2] {\"a\", \"b\"}", renderer().render(new String[] {"a", "b"}).getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void imagesAndOtherValuesAreNotCapturedByTheArrayOrResultRenderers() {
        Renderer r = new Renderer();
        org.dflib.jjava.jupyter.kernel.display.common.Image.registerAll(r);
        NetgaussExtension.registerRenderers(r);
        var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
        assertTrue(r.render(image).hasDataForType(MIMEType.IMAGE_PNG));
        DisplayData text = r.render("just a string");
        assertFalse(text.hasDataForType(MIMEType.TEXT_HTML));
        assertEquals("just a string", text.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void initialisationLawsPrintTheirNames() {
        // they used to print as WeightInit$1@5a2e4553
        assertEquals("gaussian(g=1.0)", renderer().render(org.netgauss.nn.WeightInit.gaussian(1.0))
                .getData(MIMEType.TEXT_PLAIN));
        assertEquals("torch-default", org.netgauss.nn.WeightInit.torchDefault().toString());
        assertEquals("orthogonal(gain=2.0)", org.netgauss.nn.WeightInit.orthogonal(2.0).toString());
    }

    @Test
    void tableViewCarriesItsOwnRowsAndDigits() {
        DisplayData data = renderer().render(TableView.of(TableHtmlTest.numbered(30)).allRows());
        assertFalse(((String) data.getData(MIMEType.TEXT_HTML)).contains("more row"));
    }

    @Test
    void extensionIsListedAsAService() {
        boolean found = false;
        for (Extension e : ServiceLoader.load(Extension.class, getClass().getClassLoader())) {
            found |= e instanceof NetgaussExtension;
        }
        assertTrue(found, "META-INF/services/org.dflib.jjava.jupyter.Extension must name NetgaussExtension");
    }
}
