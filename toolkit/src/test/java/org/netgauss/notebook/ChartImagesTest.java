package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

class ChartImagesTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static XYChart smallChart() {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("loss").xAxisTitle("epoch").build();
        chart.addSeries("train", new double[] {1, 2, 3, 4}, new double[] {0.9, 0.5, 0.35, 0.3});
        chart.addSeries("test", new double[] {1, 2, 3, 4}, new double[] {1.0, 0.6, 0.45, 0.42});
        return chart;
    }

    @Test
    void png2xIsAPngOfTwiceTheChartSize() throws Exception {
        ChartImages.Png png = ChartImages.png2x(smallChart());
        byte[] bytes = png.bytes();
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(bytes, 8));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
        assertEquals(640, image.getWidth());
        assertEquals(400, image.getHeight());
        // displayed at the chart's own size
        assertEquals(320, png.width());
        assertEquals(200, png.height());
        assertArrayEquals(bytes, Base64.getDecoder().decode(png.base64()));
    }

    @Test
    void pngScaleIsChecked() {
        assertThrows(IllegalArgumentException.class, () -> ChartImages.png(smallChart(), 0));
        assertThrows(IllegalArgumentException.class, () -> ChartImages.png(smallChart(), Double.NaN));
    }

    @Test
    void svgIsAnSvgDocument() {
        String svg = ChartImages.svg(smallChart());
        assertTrue(svg.startsWith("<?xml"), svg.substring(0, Math.min(80, svg.length())));
        assertTrue(svg.contains("<svg"));
    }

    @Test
    void descriptionNamesTitleSizeAndSeries() {
        assertEquals("XYChart 'loss' (320x200, series train, test)", ChartImages.describe(smallChart()));
    }
}
