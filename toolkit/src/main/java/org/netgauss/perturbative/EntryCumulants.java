package org.netgauss.perturbative;

import java.util.Locale;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.PigmmParameters;

/**
 * Entry-averaged skewness γ₁ and excess kurtosis γ₂ from the excesses δ_a = Ō_a − ⟨O_a⟩₀ of the single-entry
 * invariants and f̂ alone (docs/spec/perturbative.md §1, "Per-entry standardised cumulants"), and the validity
 * diagnostics of §4.5 (iii):
 * <ul>
 *   <li>s̄² = (⟨I3⟩₀ − f1² − f2²)/D², the mean entry variance;</li>
 *   <li>α = f1/D − f2/(D√(D−1)), the off-diagonal mean; β = f2/√(D−1), diagonal minus off-diagonal mean;</li>
 *   <li>γ₁ = δ22/(D² s̄³), γ₂ = (δ45 − 4α δ22 − 4β δ14)/(D² s̄⁴);</li>
 *   <li>ε₃ = |γ₁|/√6, ε₄ = |γ₂|/√24, "beyond first order" when either exceeds 0.3 (a heuristic threshold).</li>
 * </ul>
 * For independent entries with a common variance these are the entry-averaged skewness and excess kurtosis
 * (uniform entries: γ₂ = −6/5).
 *
 * @param meanVariance s̄²
 * @param gamma1       γ₁
 * @param gamma2       γ₂
 */
public record EntryCumulants(double meanVariance, double gamma1, double gamma2) {
    /** The threshold on ε₃, ε₄ above which first order is doubtful (docs/spec/perturbative.md §4.5). */
    public static final double FIRST_ORDER_LIMIT = 0.3;

    /** γ₁, γ₂ of an ensemble with the given f̂ and observed Ī14, Ī22, Ī45. */
    public static EntryCumulants of(PigmmParameters f, ObservedInvariants observed) {
        GaussianCorrelator c0 = GaussianCorrelator.of(f);
        double d = f.d();
        double s1 = Math.sqrt(d - 1);
        double variance = (c0.expectation(Invariants.paper(3)) - f.f1() * f.f1() - f.f2() * f.f2()) / (d * d);
        double alpha = f.f1() / d - f.f2() / (d * s1);
        double beta = f.f2() / s1;
        double d14 = excess(c0, observed, 14);
        double d22 = excess(c0, observed, 22);
        double d45 = excess(c0, observed, 45);
        double s = Math.sqrt(variance);
        return new EntryCumulants(variance, d22 / (d * d * s * s * s),
                (d45 - 4 * alpha * d22 - 4 * beta * d14) / (d * d * variance * variance));
    }

    private static double excess(GaussianCorrelator c0, ObservedInvariants observed, int n) {
        return observed.observed(Invariants.paper(n)) - c0.expectation(Invariants.paper(n));
    }

    /** ε₃ = |γ₁|/√6, the Gaussian SD of one entry's cubic term in Σ g O^⊥. */
    public double eps3() {
        return Math.abs(gamma1) / Math.sqrt(6);
    }

    /** ε₄ = |γ₂|/√24, the same for the quartic term. */
    public double eps4() {
        return Math.abs(gamma2) / Math.sqrt(24);
    }

    /** ε₃ or ε₄ above {@link #FIRST_ORDER_LIMIT}. */
    public boolean beyondFirstOrder() {
        return eps3() > FIRST_ORDER_LIMIT || eps4() > FIRST_ORDER_LIMIT;
    }

    /** Whether the Gram–Charlier entry density with these γ₁, γ₂ is non-negative ({@link GramCharlier}). */
    public boolean gramCharlierPositive() {
        return GramCharlier.isPositive(gamma1, gamma2);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "EntryCumulants[gamma1=%.4g, gamma2=%.4g, eps3=%.3g, eps4=%.3g, gc=%s]",
                gamma1, gamma2, eps3(), eps4(), gramCharlierPositive() ? "positive" : "negative somewhere");
    }
}
