package org.netgauss.inpca.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.netgauss.inpca.DistanceMatrix;
import org.netgauss.inpca.Inpca;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The closed-form expected InPCA spectrum of gradient-descent trajectories of linear regression
 * ({@link LinearModelTheory#expectedSpectrum}, docs/spec/hyperribbon.md §3.4) against two simulations, for a
 * teacher {@code w* = ρ (1, …, 1)} at each ratio ρ = |w*_k| / s0 with s0 = 1: (i) the ensemble scatter of GD
 * trajectories ({@link LinearModelTheory#simulatedSpectrum}) and (ii) the whole pipeline, Bhattacharyya distance
 * matrix → InPCA, on {@code pipelineRuns} trajectories, eigenvalues divided by the number of points (§3.3).
 *
 * @param model     the linear model (input spectrum λ, step η, noise σ)
 * @param steps     T, the GD steps of every trajectory
 * @param rhos      the ratios ρ
 * @param closed    per ρ, the expected eigenvalues (descending)
 * @param simulated per ρ, the ensemble-scatter eigenvalues
 * @param pipeline  per ρ, the D → InPCA eigenvalues per point (empty when no pipeline was run)
 */
public record LinearSpectrumCheck(LinearGdModel model, int steps, double[] rhos, List<double[]> closed,
                                  List<double[]> simulated, List<double[]> pipeline) {

    public LinearSpectrumCheck {
        rhos = rhos.clone();
        closed = List.copyOf(closed);
        simulated = List.copyOf(simulated);
        pipeline = List.copyOf(pipeline);
    }

    /**
     * Computes the three spectra for each ρ: {@code ensemble} simulated trajectories (seeded by {@code seed}) and
     * {@code pipelineRuns} trajectories through the distance matrix (none if 0; initial weights drawn from
     * {@code N(0, 1)} with a generator seeded by {@code seed}).
     */
    public static LinearSpectrumCheck compute(LinearGdModel model, double[] rhos, int steps, int ensemble,
                                              int pipelineRuns, long seed) {
        int d = model.dimension();
        List<double[]> closed = new ArrayList<>();
        List<double[]> sim = new ArrayList<>();
        List<double[]> pipe = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(seed);
        for (double rho : rhos) {
            double[] wStar = new double[d];
            Arrays.fill(wStar, rho);
            closed.add(LinearModelTheory.expectedSpectrum(model, wStar, 1, steps).eigenvalues());
            sim.add(LinearModelTheory.simulatedSpectrum(model, wStar, 1, steps, ensemble, seed + 1).eigenvalues());
            if (pipelineRuns > 0) {
                pipe.add(pipelineSpectrum(model, wStar, steps, pipelineRuns, rng));
            }
        }
        return new LinearSpectrumCheck(model, steps, rhos, closed, sim, pipe);
    }

    /** Trajectories → pairwise Bhattacharyya distances → InPCA, eigenvalues divided by the number of points. */
    static double[] pipelineSpectrum(LinearGdModel model, double[] wStar, int steps, int runs, SplittableRandom rng) {
        int d = model.dimension();
        int m = runs * (steps + 1);
        double[][] pts = new double[m][];
        for (int e = 0; e < runs; e++) {
            double[] w0 = new double[d];
            for (int k = 0; k < d; k++) {
                w0[k] = rng.nextGaussian();
            }
            double[][] tr = model.trajectory(w0, wStar, steps);
            for (int t = 0; t <= steps; t++) {
                pts[e * (steps + 1) + t] = tr[t];
            }
        }
        double[][] dm = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                dm[i][j] = model.distance(pts[i], pts[j]);
                dm[j][i] = dm[i][j];
            }
        }
        double[] ev = Inpca.embed(DistanceMatrix.of("linear", dm), 1).eigenvalues();
        return Arrays.stream(ev).map(v -> v / m).toArray();
    }

    /** The top {@code rows} eigenvalues: k, then closed form, simulation and pipeline for each ρ. */
    public Table toTable(int rows) {
        Table t = Table.create("linear model: closed form vs simulation, top " + rows,
                IntColumn.indexColumn("k", rows, 1));
        for (int r = 0; r < rhos.length; r++) {
            String rho = " \u03c1=" + rhos[r];
            t.addColumns(DoubleColumn.create("closed" + rho, top(closed.get(r), rows)),
                    DoubleColumn.create("simulated" + rho, top(simulated.get(r), rows)));
            if (!pipeline.isEmpty()) {
                t.addColumns(DoubleColumn.create("D\u2192InPCA" + rho, top(pipeline.get(r), rows)));
            }
        }
        return t;
    }

    /** {@link #toTable(int)} with the top six. */
    public Table toTable() {
        return toTable(6);
    }

    static double[] top(double[] v, int n) {
        double[] out = new double[n];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(v, 0, out, 0, Math.min(n, v.length));
        return out;
    }
}
