package org.netgauss.notebook;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.netgauss.data.Dataset;

/**
 * Images of data samples, e.g. a grid of MNIST digits. The results are plain {@link BufferedImage}s, which
 * the kernel shows as PNG when they are the value of a cell (and which {@code ImageIO} can save).
 */
public final class Images {
    /** Display pixels per data pixel when none is given: 28-pixel digits become 56 pixels wide. */
    public static final int DEFAULT_ZOOM = 2;

    private Images() {
    }

    /** {@link #digitGrid(Dataset, int, int, int)} with {@link #DEFAULT_ZOOM}. */
    public static BufferedImage digitGrid(Dataset data, int rows, int cols) {
        return digitGrid(data, rows, cols, DEFAULT_ZOOM);
    }

    /**
     * The first {@code rows * cols} samples as square grey images, row after row, with a one-pixel dark
     * grey border between cells. Each sample's {@code featureCount()} must be a square number (784 = 28 x 28
     * for MNIST). Grey levels map the range {@code [min(0, lo), max(1, hi)]} of the shown features to black
     * .. white, so data scaled to {@code [0,1]} and to {@code [-1,1]} both show as the original digits.
     * Cells past the end of the data set stay empty.
     *
     * @param zoom display pixels per data pixel (nearest neighbour), 1..16
     * @throws IllegalArgumentException on non-positive rows/cols, a bad zoom or non-square samples
     */
    public static BufferedImage digitGrid(Dataset data, int rows, int cols, int zoom) {
        int side = (int) Math.round(Math.sqrt(data.featureCount()));
        if (side * side != data.featureCount()) {
            throw new IllegalArgumentException(data.name() + ": samples of " + data.featureCount()
                    + " features are not square images; digitGrid needs e.g. 784 = 28 x 28");
        }
        if (rows <= 0 || cols <= 0 || zoom < 1 || zoom > 16) {
            throw new IllegalArgumentException("digitGrid needs rows > 0, cols > 0 and zoom in 1..16, found "
                    + rows + ", " + cols + ", " + zoom);
        }
        int count = (int) Math.min((long) rows * cols, data.size());
        float lo = 0f;
        float hi = 1f;
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < data.featureCount(); j++) {
                float x = data.feature(i, j);
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        int cell = side * zoom + 1;
        BufferedImage image = new BufferedImage(cols * cell + 1, rows * cell + 1, BufferedImage.TYPE_BYTE_GRAY);
        var raster = image.getRaster();
        int border = 64;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                raster.setSample(x, y, 0, border);
            }
        }
        for (int i = 0; i < count; i++) {
            int x0 = (i % cols) * cell + 1;
            int y0 = (i / cols) * cell + 1;
            for (int p = 0; p < side * side; p++) {
                int grey = Math.round(255f * (data.feature(i, p) - lo) / (hi - lo));
                int px = x0 + (p % side) * zoom;
                int py = y0 + (p / side) * zoom;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        raster.setSample(px + dx, py + dy, 0, grey);
                    }
                }
            }
        }
        return image;
    }

    /** An image encoded as a PNG file. */
    public static byte[] pngBytes(RenderedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 15);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK's ImageIO");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode image as PNG", e);
        }
        return out.toByteArray();
    }
}
