package org.netgauss.notebook;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netgauss.invariants.InvariantGraph;

/**
 * Draws permutation invariants as the directed multigraphs they are (docs/spec/pigmm.md §2.1): one dot per summation
 * index, one arrow i → j per factor M_ij, loops for diagonal entries M_ii, and bent arrows for parallel edges.
 * Vertices sit on a circle; a {@link BufferedImage} that is a cell's value shows inline.
 */
public final class GraphImages {
    private GraphImages() {
    }

    /** Size of one drawn graph in pixels (square), without the caption. */
    public static final int CELL = 120;

    private static final Color EDGE = new Color(0x1f, 0x4e, 0x9a);
    private static final Color VERTEX = new Color(0x22, 0x22, 0x22);

    /** One graph with a caption underneath. */
    public static BufferedImage draw(InvariantGraph g, String caption) {
        return grid(List.of(g), List.of(caption), 1);
    }

    /**
     * Graphs in a grid of {@code columns} columns, each with its caption (e.g. "I45  Σ M_ij⁴").
     *
     * @throws IllegalArgumentException if the lists differ in length or are empty, or columns &lt; 1
     */
    public static BufferedImage grid(List<InvariantGraph> graphs, List<String> captions, int columns) {
        if (graphs.isEmpty() || graphs.size() != captions.size() || columns < 1) {
            throw new IllegalArgumentException("need as many captions as graphs (found " + graphs.size() + " graphs, "
                    + captions.size() + " captions) and columns >= 1 (found " + columns + ")");
        }
        int cols = Math.min(columns, graphs.size());
        int rows = (graphs.size() + cols - 1) / cols;
        int captionH = 22;
        int w = cols * CELL;
        int h = rows * (CELL + captionH);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = img.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        gr.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        gr.setColor(Color.WHITE);
        gr.fillRect(0, 0, w, h);
        gr.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int k = 0; k < graphs.size(); k++) {
            int x0 = (k % cols) * CELL;
            int y0 = (k / cols) * (CELL + captionH);
            gr.setColor(new Color(0xee, 0xee, 0xee));
            gr.drawRect(x0, y0, CELL - 1, CELL + captionH - 1);
            drawGraph(gr, graphs.get(k), x0, y0);
            gr.setColor(Color.BLACK);
            FontMetrics fm = gr.getFontMetrics();
            String c = captions.get(k);
            while (fm.stringWidth(c) > CELL - 4 && c.length() > 3) {
                c = c.substring(0, c.length() - 2) + "…";
            }
            gr.drawString(c, x0 + (CELL - fm.stringWidth(c)) / 2, y0 + CELL + 15);
        }
        gr.dispose();
        return img;
    }

    private static void drawGraph(Graphics2D gr, InvariantGraph g, int x0, int y0) {
        int n = g.vertexCount();
        double cx = x0 + CELL / 2.0;
        double cy = y0 + CELL / 2.0;
        double radius = n == 1 ? 0 : CELL * (n == 2 ? 0.26 : 0.30);
        double[] vx = new double[n];
        double[] vy = new double[n];
        for (int v = 0; v < n; v++) {
            double a = n == 2 ? Math.PI * v : -Math.PI / 2 + 2 * Math.PI * v / n;
            vx[v] = cx + radius * Math.cos(a);
            vy[v] = cy + radius * Math.sin(a) + (n == 1 ? 12 : 0);
        }
        gr.setStroke(new BasicStroke(1.6f));
        gr.setColor(EDGE);
        Map<Long, Integer> seen = new HashMap<>();
        for (int[] e : g.edges()) {
            int a = e[0];
            int b = e[1];
            long key = a == b ? a * 1000L + a : Math.min(a, b) * 1000L + Math.max(a, b);
            int copy = seen.merge(key, 1, Integer::sum) - 1;
            if (a == b) {
                drawLoop(gr, vx[a], vy[a], cx, cy, copy, n == 1);
            } else {
                drawEdge(gr, vx[a], vy[a], vx[b], vy[b], copy, a < b);
            }
        }
        gr.setColor(VERTEX);
        for (int v = 0; v < n; v++) {
            gr.fill(new Ellipse2D.Double(vx[v] - 4.5, vy[v] - 4.5, 9, 9));
        }
    }

    /** Loop number {@code copy} at a vertex, pointing away from the centre (upwards for a lone vertex). */
    private static void drawLoop(Graphics2D gr, double x, double y, double cx, double cy, int copy, boolean lone) {
        double dir = lone || (Math.abs(x - cx) < 1e-9 && Math.abs(y - cy) < 1e-9) ? -Math.PI / 2 : Math.atan2(y - cy, x - cx);
        dir += (copy % 2 == 0 ? 1 : -1) * ((copy + 1) / 2) * 0.9;
        double size = 16 + 5 * (copy / 2);
        double a1 = dir - 0.45;
        double a2 = dir + 0.45;
        double px1 = x + size * 2.2 * Math.cos(a1);
        double py1 = y + size * 2.2 * Math.sin(a1);
        double px2 = x + size * 2.2 * Math.cos(a2);
        double py2 = y + size * 2.2 * Math.sin(a2);
        Path2D p = new Path2D.Double();
        p.moveTo(x, y);
        p.curveTo(px1, py1, px2, py2, x, y);
        gr.draw(p);
        // arrowhead where the loop returns, direction from the second control point to the vertex
        arrowHead(gr, x + 0.25 * (px2 - x), y + 0.25 * (py2 - y), Math.atan2(y - py2, x - px2));
    }

    private static void drawEdge(Graphics2D gr, double x1, double y1, double x2, double y2, int copy, boolean forward) {
        double mx = (x1 + x2) / 2;
        double my = (y1 + y2) / 2;
        double dx = x2 - x1;
        double dy = y2 - y1;
        double len = Math.hypot(dx, dy);
        double nx = -dy / len;
        double ny = dx / len;
        // parallel edges fan out symmetrically; the sign keeps i→j and j→i apart
        double bend = (copy % 2 == 0 ? 1 : -1) * ((copy + 1) / 2) * 16.0;
        if (!forward) {
            bend = -bend;
        }
        double qx = mx + nx * bend * 2;
        double qy = my + ny * bend * 2;
        gr.draw(new QuadCurve2D.Double(x1, y1, qx, qy, x2, y2));
        // arrowhead at t = 0.62 along the curve, pointing along its tangent
        double t = 0.62;
        double px = (1 - t) * (1 - t) * x1 + 2 * (1 - t) * t * qx + t * t * x2;
        double py = (1 - t) * (1 - t) * y1 + 2 * (1 - t) * t * qy + t * t * y2;
        double tx = 2 * (1 - t) * (qx - x1) + 2 * t * (x2 - qx);
        double ty = 2 * (1 - t) * (qy - y1) + 2 * t * (y2 - qy);
        arrowHead(gr, px, py, Math.atan2(ty, tx));
    }

    private static void arrowHead(Graphics2D gr, double x, double y, double angle) {
        Path2D head = new Path2D.Double();
        head.moveTo(5, 0);
        head.lineTo(-4, 4);
        head.lineTo(-4, -4);
        head.closePath();
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
        at.rotate(angle);
        gr.fill(at.createTransformedShape(head));
    }

    /** {@link #grid(List, List, int)} captioned with each graph's paper label ("I45") or canonical name. */
    public static BufferedImage grid(List<InvariantGraph> graphs, int columns) {
        return grid(graphs, graphs.stream().map(org.netgauss.invariants.Invariants::label).toList(), columns);
    }
}
