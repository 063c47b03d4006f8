package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.List;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;

/**
 * The perturbative PIGMM: the 13-parameter Gaussian plus permutation-invariant cubic and quartic couplings, fitted
 * at first order and tested by what it predicts for the invariants it was not fitted to (docs/spec/perturbative.md
 * §2–§5).
 *
 * <pre>{@code
 * PerturbativeFit fit = Perturbative.fit(f, observed, PerturbingTerms.s2());      // renormalised scheme
 * fit.toTable();                       // ĝ ± SE
 * fit.predictions().summaryTable();    // held-out Δ → Δ'
 * }</pre>
 */
public final class Perturbative {
    private Perturbative() {
    }

    /**
     * The "column" invariants I18 = Σ_i M_ii² C_i, I21 = Σ_i M_ii Σ_j M_ji², I35 and I38 = Σ_i M_ii² Σ_j M_ji²: an entry
     * times other entries of the same column, which no single-entry term can explain (docs/spec/perturbative.md §5).
     */
    public static List<InvariantGraph> columnInvariants() {
        return List.of(Invariants.paper(18), Invariants.paper(21), Invariants.paper(35), Invariants.paper(38));
    }

    /** The renormalised first-order fit of the terms to the observed means, around the Gaussian fit f̂. */
    public static PerturbativeFit fit(PigmmParameters f, ObservedInvariants observed, PerturbingTerms terms) {
        return fit(f, observed, terms, Scheme.RENORMALISED);
    }

    /** The first-order fit in the given scheme. */
    public static PerturbativeFit fit(PigmmParameters f, ObservedInvariants observed, PerturbingTerms terms,
                                      Scheme scheme) {
        return new PerturbativeFit(f, observed, terms, scheme);
    }

    /**
     * Fits f̂ (docs/spec/pigmm.md §2.6), the means and SDs of the 39 tracked invariants I14..I52 and of the terms,
     * then the couplings, all from one square ensemble [N, D, D].
     */
    public static PerturbativeFit fit(WeightEnsemble ensemble, PerturbingTerms terms, Scheme scheme) {
        List<InvariantGraph> graphs = new ArrayList<>(Invariants.paperCubicQuartic());
        for (InvariantGraph t : terms.terms()) {
            if (!graphs.contains(t)) {
                graphs.add(t);
            }
        }
        return fit(Pigmm.fit(ensemble).parameters(), ObservedInvariants.of(ensemble, graphs), terms, scheme);
    }
}
