package org.netgauss.perturbative;

/**
 * How the couplings are fitted at first order (docs/spec/perturbative.md §4.1, §4.2).
 */
public enum Scheme {
    /**
     * First-order maximum likelihood: ĝ = −K⁻¹δ with K = C₀(O^⊥, O^⊥), the terms projected off I1..I13 so that f̂
     * stays the mean and covariance of the perturbed model (docs/spec/perturbative.md §4.2). Recommended.
     */
    RENORMALISED,
    /**
     * f kept at f̂ and the couplings alone: ĝ = −K_A⁻¹δ with K_A = C₀(O, O) (docs/spec/perturbative.md §4.1); for
     * comparison only.
     */
    BARE;

    /** The command-line name, "renormalised" or "bare". */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The scheme named "renormalised" or "bare" (case-insensitive). */
    public static Scheme parse(String name) {
        for (Scheme s : values()) {
            if (s.cliName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scheme '" + name + "': use renormalised or bare");
    }
}
