package org.netgauss.perturbative;

import java.util.Locale;

/**
 * One invariant's first-order prediction next to its observed mean (docs/spec/perturbative.md §5, step 5).
 *
 * @param label        paper label ("I45") or canonical name
 * @param group        the paper's group ("cubic low-node", …)
 * @param observed     Ō over the N networks
 * @param wick         ⟨F⟩₀ in the Gaussian fit
 * @param perturbative ⟨F⟩₁ = ⟨F⟩₀ − Σ_a ĝ_a C₀(F, O_a^⊥) (O_a in the bare scheme)
 * @param sd           the ensemble SD of F (1/N)
 * @param predictionSe √(c_Fᵀ Cov(ĝ) c_F) with the null covariance K⁻¹/N
 * @param fitted       whether F is one of the terms (then Δ' is 0 by construction in the renormalised scheme)
 */
public record InvariantPrediction(String label, String group, double observed, double wick, double perturbative,
                                  double sd, double predictionSe, boolean fitted) {
    /** Δ = |⟨F⟩₀ − Ō|/SD. */
    public double deviationGauss() {
        return Math.abs(wick - observed) / sd;
    }

    /** Δ' = |⟨F⟩₁ − Ō|/SD. */
    public double deviationPerturbative() {
        return Math.abs(perturbative - observed) / sd;
    }

    /** "fitted" or "held-out". */
    public String role() {
        return fitted ? "fitted" : "held-out";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%s): observed %.6g, wick %.6g, perturbative %.6g, Δ %.3g → Δ' %.3g",
                label, role(), observed, wick, perturbative, deviationGauss(), deviationPerturbative());
    }
}
