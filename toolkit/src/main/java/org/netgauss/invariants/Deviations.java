package org.netgauss.invariants;

import java.util.ArrayList;
import java.util.List;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * Deviation measures between an ensemble and a Gaussian model (Hirst &amp; Ramgoolam 2025, Sec. 4; docs/spec/pigmm.md §3.3).
 */
public final class Deviations {
    private Deviations() {
    }

    /**
     * Fits the PIGMM to the ensemble and compares the paper's 39 cubic and quartic invariants I14..I52 with their
     * Wick predictions: Δ_k = |⟨I_k⟩(f̂) − Ī_k| / σ_k with σ_k the population ensemble SD.
     */
    public static DeviationReport paper(WeightEnsemble ensemble) {
        return of(ensemble, Pigmm.fit(ensemble).parameters(), Invariants.paperCubicQuartic());
    }

    /** Δ for the given invariants against a given model. */
    public static DeviationReport of(WeightEnsemble ensemble, PigmmParameters model, List<InvariantGraph> graphs) {
        if (!ensemble.isSquare() || ensemble.rows() != model.d()) {
            throw new IllegalArgumentException("model has D = " + model.d() + " but the ensemble is " + ensemble);
        }
        double[][] values = Invariants.evaluate(graphs, ensemble);
        double[] wick = WickPredictor.of(model).expectations(graphs);
        int n = ensemble.members();
        List<InvariantEstimate> out = new ArrayList<>();
        for (int k = 0; k < graphs.size(); k++) {
            double mean = 0;
            for (double[] row : values) {
                mean += row[k];
            }
            mean /= n;
            double var = 0;
            for (double[] row : values) {
                var += (row[k] - mean) * (row[k] - mean);
            }
            InvariantGraph g = graphs.get(k);
            out.add(new InvariantEstimate(Invariants.label(g), group(g), mean, wick[k], Math.sqrt(var / n), n));
        }
        return new DeviationReport(out);
    }

    /** The plot groups of docs/spec/pigmm.md §3.3: low-node (1–2 vertices) and high-node (2k−1 or 2k vertices) per degree. */
    public static String group(InvariantGraph g) {
        String degree = switch (g.degree()) {
            case 1 -> "linear";
            case 2 -> "quadratic";
            case 3 -> "cubic";
            case 4 -> "quartic";
            default -> "degree " + g.degree();
        };
        if (g.vertexCount() <= 2) {
            return degree + " low-node";
        }
        if (g.vertexCount() >= 2 * g.degree() - 1) {
            return degree + " high-node";
        }
        return degree + ", " + g.vertexCount() + " vertices";
    }

    /**
     * Normalised change over training (Δ_end − Δ_start)/(Δ_end + Δ_start), in [−1, 1] (docs/spec/pigmm.md §3.3).
     */
    public static double normalisedChange(double start, double end) {
        return (end - start) / (end + start);
    }

    /** Normalised change per invariant between two reports over the same invariants. */
    public static double[] normalisedChange(DeviationReport start, DeviationReport end) {
        double[] a = start.deviations();
        double[] b = end.deviations();
        if (a.length != b.length) {
            throw new IllegalArgumentException("reports differ in length: " + a.length + " vs " + b.length);
        }
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            r[k] = normalisedChange(a[k], b[k]);
        }
        return r;
    }
}
