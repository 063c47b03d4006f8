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
    void extensionIsListedAsAService() {
        boolean found = false;
        for (Extension e : ServiceLoader.load(Extension.class, getClass().getClassLoader())) {
            found |= e instanceof NetgaussExtension;
        }
        assertTrue(found, "META-INF/services/org.dflib.jjava.jupyter.Extension must name NetgaussExtension");
    }
}
