package org.netgauss.invariants;

import java.util.Locale;

/**
 * One invariant's ensemble statistics next to its model prediction (docs/spec/pigmm.md §3.3).
 *
 * @param label    paper label ("I45") or canonical graph name
 * @param group    "cubic low-node", "cubic high-node", "quartic low-node", "quartic high-node", or "degree k, v vertices"
 * @param observed ensemble mean Ī over the N members
 * @param wick     Wick prediction ⟨I⟩ in the fitted model
 * @param stdDev   ensemble standard deviation, population form (1/N), as in the authors' repository
 * @param members  N
 */
public record InvariantEstimate(String label, String group, double observed, double wick, double stdDev,
                                int members) {

    /**
     * Δ = |⟨I⟩_theory − Ī| / σ in units of the ensemble SD (Hirst &amp; Ramgoolam 2025, Sec. 4; docs/spec/pigmm.md §3.3, checklist
     * item 5).
     */
    public double deviation() {
        return Math.abs(wick - observed) / stdDev;
    }

    /** σ/√N, the standard error of Ī. */
    public double standardError() {
        return stdDev / Math.sqrt(members);
    }

    /** |⟨I⟩ − Ī| / (σ/√N), the repository's commented-out alternative (√N times {@link #deviation()}). */
    public double deviationInStandardErrors() {
        return Math.abs(wick - observed) / standardError();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "InvariantEstimate[%s, observed=%.6g, wick=%.6g, sd=%.4g, deviation=%.4g]",
                label, observed, wick, stdDev, deviation());
    }
}
