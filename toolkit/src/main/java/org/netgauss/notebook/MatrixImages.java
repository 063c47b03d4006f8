package org.netgauss.notebook;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Small matrices drawn as heat maps side by side (e.g. the irrep basis matrices of docs/spec/pigmm.md §2.3): blue for
 * negative, white for zero, red for positive, each panel scaled to its own largest |entry|.
 */
public final class MatrixImages {
    private MatrixImages() {
    }

    /**
     * Row-major {@code d x d} matrices as heat-map panels with captions.
     *
     * @param cellPixels side of one matrix entry in pixels
     * @throws IllegalArgumentException if a matrix is not {@code d*d} long or the lists differ in length
     */
    public static BufferedImage heatmaps(List<double[]> matrices, int d, List<String> captions, int cellPixels) {
        if (matrices.isEmpty() || matrices.size() != captions.size()) {
            throw new IllegalArgumentException("need one caption per matrix, found " + matrices.size() + " matrices and "
                    + captions.size() + " captions");
        }
        int side = d * cellPixels;
        int pad = 14;
        int panelW = Math.max(side, 90) + pad;
        int w = matrices.size() * panelW + pad;
        int h = side + 2 * pad + 20;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k < matrices.size(); k++) {
            double[] m = matrices.get(k);
            if (m.length != d * d) {
                throw new IllegalArgumentException("matrix " + k + " (" + captions.get(k) + ") has " + m.length
                        + " entries, expected " + d + " x " + d);
            }
            double max = 0;
            for (double v : m) {
                max = Math.max(max, Math.abs(v));
            }
            int x0 = pad + k * panelW + (panelW - pad - side) / 2;
            int y0 = pad;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    g.setColor(colour(max == 0 ? 0 : m[i * d + j] / max));
                    g.fillRect(x0 + j * cellPixels, y0 + i * cellPixels, cellPixels, cellPixels);
                }
            }
            g.setColor(Color.GRAY);
            g.drawRect(x0, y0, side, side);
            g.setColor(Color.BLACK);
            String c = captions.get(k);
            g.drawString(c, pad + k * panelW + (panelW - pad - fm.stringWidth(c)) / 2, y0 + side + 18);
        }
        g.dispose();
        return img;
    }

    /** Diverging blue–white–red colour for t in [−1, 1]. */
    static Color colour(double t) {
        double a = Math.min(1, Math.abs(t));
        int fade = (int) Math.round(255 * (1 - a));
        return t >= 0 ? new Color(255, fade, fade) : new Color(fade, fade, 255);
    }

    /**
     * One basis matrix of each irrep of D x D matrices under S_D (docs/spec/pigmm.md §2.2) as heat maps: the two V₀
     * copies, the V_H column, row and diagonal copies of the first Helmert vector, and the projections of a fixed
     * random matrix (seed 1) onto V₂ and V₃.
     */
    public static BufferedImage irrepGallery(int d, int cellPixels) {
        double[][] v = org.netgauss.pigmm.IrrepBasis.helmert(d);
        java.util.SplittableRandom rng = new java.util.SplittableRandom(1);
        double[] random = new double[d * d];
        for (int i = 0; i < random.length; i++) {
            random[i] = rng.nextGaussian();
        }
        return heatmaps(List.of(org.netgauss.pigmm.IrrepBasis.e01(d), org.netgauss.pigmm.IrrepBasis.e02(d),
                        org.netgauss.pigmm.IrrepBasis.column(v[0], d), org.netgauss.pigmm.IrrepBasis.row(v[0], d),
                        org.netgauss.pigmm.IrrepBasis.diagonal(v[0], d), org.netgauss.pigmm.IrrepBasis.projectV2(random, d),
                        org.netgauss.pigmm.IrrepBasis.projectV3(random, d)),
                d, List.of("V0 copy 1", "V0 copy 2", "VH column", "VH row", "VH diagonal", "V2", "V3"), cellPixels);
    }
}
