package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.netgauss.inpca.InpcaEmbedding;

/**
 * One-liners for the InPCA figures of Mao et al. (PNAS 2024) and Griniasty, Sethna et al. (arXiv 2505.08915):
 * trajectories projected on two InPCA components, and the eigenvalue spectrum with space-like (positive) and
 * time-like (negative) components told apart (docs/spec/hyperribbon.md).
 */
public final class InpcaCharts {
    private InpcaCharts() {
    }

    /**
     * Points projected on components {@code i} and {@code j} (1-based), joined in order within each label:
     * {@code labels.get(p)} names the trajectory of point p (e.g. the run, with points in checkpoint order).
     *
     * @throws IllegalArgumentException if there is not one label per point or a component is out of range
     */
    public static XYChart projection(InpcaEmbedding e, int i, int j, List<String> labels) {
        Objects.requireNonNull(e, "embedding");
        Objects.requireNonNull(labels, "labels");
        if (labels.size() != e.size()) {
            throw new IllegalArgumentException("need one label per point: " + e.size() + " points, "
                    + labels.size() + " labels");
        }
        for (int k : new int[] {i, j}) {
            if (k < 1 || k > e.components()) {
                throw new IllegalArgumentException("component " + k + " out of range 1.." + e.components());
            }
        }
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int p = 0; p < labels.size(); p++) {
            byLabel.computeIfAbsent(labels.get(p), x -> new ArrayList<>()).add(p);
        }
        XYChart c = Plots.xy("InPCA projection", axis(e, i), axis(e, j));
        byLabel.forEach((label, points) -> {
            double[] x = points.stream().mapToDouble(p -> e.coordinate(p, i - 1)).toArray();
            double[] y = points.stream().mapToDouble(p -> e.coordinate(p, j - 1)).toArray();
            c.addSeries(label, x, y);
        });
        return ChartStyle.apply(c);
    }

    /** Components 1 and 2, every point one trajectory. */
    public static XYChart projection(InpcaEmbedding e) {
        List<String> one = new ArrayList<>();
        for (int p = 0; p < e.size(); p++) {
            one.add("trajectory");
        }
        return projection(e, 1, Math.min(2, e.components()), one);
    }

    /**
     * |λ_k| against k on a log axis, positive (space-like) and negative (time-like) eigenvalues as two series:
     * a hyper-ribbon shows as a geometric decay.
     */
    public static XYChart spectrum(InpcaEmbedding e) {
        Objects.requireNonNull(e, "embedding");
        double[] lambda = e.eigenvalues();
        List<double[]> pos = new ArrayList<>();
        List<double[]> neg = new ArrayList<>();
        for (int k = 0; k < lambda.length; k++) {
            if (lambda[k] != 0 && Double.isFinite(lambda[k])) {
                (lambda[k] > 0 ? pos : neg).add(new double[] {k + 1, Math.abs(lambda[k])});
            }
        }
        if (pos.isEmpty() && neg.isEmpty()) {
            throw new IllegalArgumentException("the embedding has no non-zero eigenvalue: nothing to draw");
        }
        XYChart c = Plots.xy("InPCA spectrum", "component k", "|eigenvalue| |\u03bb\u2096|");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setMarkerSize(7);
        add(c, "space-like (\u03bb > 0)", pos);
        add(c, "time-like (\u03bb < 0)", neg);
        return ChartStyle.apply(c);
    }

    private static void add(XYChart c, String name, List<double[]> pts) {
        if (pts.isEmpty()) {
            return;
        }
        XYSeries s = c.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray());
        s.setMarker(c.getSeriesMap().size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
    }

    private static String axis(InpcaEmbedding e, int k) {
        return "component " + k + (e.eigenvalues()[k - 1] < 0 ? " (time-like)" : "");
    }
}
