package org.netgauss.perturbative;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.perturbative.internal.AtomForm;
import org.netgauss.perturbative.internal.PatternSums;
import org.netgauss.pigmm.PigmmParameters;

/**
 * Exact Gaussian expectations ⟨F⟩₀ and connected correlators C₀(F, G) = ⟨FG⟩₀ − ⟨F⟩₀⟨G⟩₀ of permutation-invariant
 * polynomials in a fitted PIGMM (docs/spec/perturbative.md §3.2–3.3), for any D at a cost independent of D: every
 * invariant becomes a sum over at most a few free indices of products of linear forms (entries, row and column sums,
 * trace, total), and the sums run over the set partitions of those indices times the Wick matchings of the forms.
 *
 * <pre>{@code
 * GaussianCorrelator c0 = GaussianCorrelator.of(fit.parameters());
 * double k = c0.connected(Invariants.paper(45), Invariants.paper(45));   // Var₀(Σ M_ij⁴)
 * }</pre>
 *
 * Results are cached per graph and pair; methods are synchronised, so one instance may be shared.
 */
public final class GaussianCorrelator {
    private final PigmmParameters parameters;
    private final PatternSums sums;
    private final Map<InvariantGraph, AtomForm> forms = new HashMap<>();
    private final Map<InvariantGraph, Double> means = new HashMap<>();
    private final Map<List<InvariantGraph>, Double> correlators = new HashMap<>();

    private GaussianCorrelator(PigmmParameters parameters) {
        this.parameters = parameters;
        this.sums = new PatternSums(parameters);
    }

    /** Correlators in the Gaussian model with the given parameters. */
    public static GaussianCorrelator of(PigmmParameters parameters) {
        return new GaussianCorrelator(parameters);
    }

    /** The Gaussian model. */
    public PigmmParameters parameters() {
        return parameters;
    }

    /** ⟨F⟩₀, the Wick prediction (equal to {@code org.netgauss.invariants.WickPredictor}'s). */
    public synchronized double expectation(InvariantGraph f) {
        return means.computeIfAbsent(f, g -> sums.mean(form(g)));
    }

    /** C₀(F, G), symmetric in its arguments. */
    public synchronized double connected(InvariantGraph f, InvariantGraph g) {
        List<InvariantGraph> key = f.compareTo(g) <= 0 ? List.of(f, g) : List.of(g, f);
        Double v = correlators.get(key);
        if (v == null) {
            v = sums.connected(form(key.get(0)), form(key.get(1)));
            correlators.put(key, v);
        }
        return v;
    }

    /** The matrix C₀(F_i, G_j). */
    public double[][] connected(List<InvariantGraph> fs, List<InvariantGraph> gs) {
        double[][] r = new double[fs.size()][gs.size()];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] = connected(fs.get(i), gs.get(j));
            }
        }
        return r;
    }

    private AtomForm form(InvariantGraph g) {
        if (g.degree() > 4) {
            throw new IllegalArgumentException("correlators support invariants of degree <= 4, found " + g.degree()
                    + " for " + g.indexSum());
        }
        return forms.computeIfAbsent(g, AtomForm::of);
    }
}
