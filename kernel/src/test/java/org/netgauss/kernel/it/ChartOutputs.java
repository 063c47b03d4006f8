package org.netgauss.kernel.it;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.netgauss.notebook.ChartGeometry;

/**
 * The chart outputs of an executed notebook, decoded and checked: each PNG that the toolkit's renderer made from
 * an XChart chart carries its plot area in the metadata ({@code netgauss_plot}); the plot area must be present
 * (at least {@link #MIN_PLOT_FRACTION} of the image) and hold data ({@link #MIN_INK} of its pixels are data ink,
 * as {@link ChartGeometry#isInk} defines it). A chart PNG without the metadata fails too: it did not come
 * through the toolkit's renderer, so nothing guards it.
 */
final class ChartOutputs {
    /** A plot area smaller than this share of the image is not "present" (notebook 05's blank panel had 0 %). */
    static final double MIN_PLOT_FRACTION = 0.35;
    /**
     * Below this share of data pixels the plot is blank: about 15 pixels of a 400 × 300 plot area, so that a
     * smoke-sized chart with a single point still counts as drawn.
     */
    static final double MIN_INK = 0.0001;
    private static final String PLOT = "netgauss_plot";

    /** One chart output and what was measured. */
    record Chart(String where, String description, double plotFraction, double ink) {
        boolean real() {
            return plotFraction >= MIN_PLOT_FRACTION && ink >= MIN_INK;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s: plot area %.1f%% of the image, data ink %.2f%% of the plot",
                    where, description, 100 * plotFraction, 100 * ink);
        }
    }

    private ChartOutputs() {
    }

    /** Every chart output of the executed notebook {@code ipynb}, in cell order. */
    static List<Chart> of(Path ipynb) throws IOException {
        JsonObject nb = JsonParser.parseString(Files.readString(ipynb, StandardCharsets.UTF_8)).getAsJsonObject();
        List<Chart> charts = new ArrayList<>();
        JsonArray cells = nb.getAsJsonArray("cells");
        int code = 0;
        for (JsonElement ce : cells) {
            JsonObject cell = ce.getAsJsonObject();
            if (!"code".equals(cell.get("cell_type").getAsString())) {
                continue;
            }
            code++;
            JsonArray outputs = cell.getAsJsonArray("outputs");
            if (outputs == null) {
                continue;
            }
            int k = 0;
            for (JsonElement oe : outputs) {
                JsonObject out = oe.getAsJsonObject();
                JsonObject data = out.getAsJsonObject("data");
                if (data == null || !data.has("image/png")) {
                    continue;
                }
                k++;
                String text = data.has("text/plain") ? joined(data.get("text/plain")) : "";
                JsonObject meta = out.has("metadata") && out.getAsJsonObject("metadata").has("image/png")
                        ? out.getAsJsonObject("metadata").getAsJsonObject("image/png") : null;
                boolean chart = meta != null && meta.has(PLOT) || looksLikeChart(text);
                if (!chart) {
                    continue;   // digit images, matrix heat maps drawn as images: not XChart charts
                }
                String where = ipynb.getFileName() + " code cell " + code + ", image " + k;
                if (meta == null || !meta.has(PLOT)) {
                    charts.add(new Chart(where, text + " (no " + PLOT + " metadata: not rendered by the toolkit)",
                            0, 0));
                    continue;
                }
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder()
                        .decode(joined(data.get("image/png")))));
                double scale = image.getWidth() / meta.get("width").getAsDouble();
                JsonArray p = meta.getAsJsonArray(PLOT);
                Rectangle2D plot = new Rectangle2D.Double(p.get(0).getAsDouble(), p.get(1).getAsDouble(),
                        p.get(2).getAsDouble(), p.get(3).getAsDouble());
                double fraction = plot.getWidth() * plot.getHeight()
                        / (meta.get("width").getAsDouble() * meta.get("height").getAsDouble());
                charts.add(new Chart(where, text, fraction, ChartGeometry.ink(image, plot, scale)));
            }
        }
        return charts;
    }

    /** The text/plain of a chart output as {@code ChartImages.describe} writes it. */
    static boolean looksLikeChart(String text) {
        return text.matches("(?s)(XYChart|CategoryChart|HeatMapChart|PieChart|BoxChart|BubbleChart|OHLCChart"
                + "|RadarChart|DialChart) .*");
    }

    private static String joined(JsonElement e) {
        if (e.isJsonArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonElement x : e.getAsJsonArray()) {
                s.append(x.getAsString());
            }
            return s.toString();
        }
        return e.getAsString();
    }
}
