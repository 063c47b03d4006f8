package org.netgauss.pigmm;

import org.netgauss.pigmm.internal.SymmetricMatrices;

/**
 * The 2-Wasserstein distance between two PIGMMs of the same D, reduced per irrep (docs/spec/pigmm.md §4):
 *
 * <p>W₂² = (f1−f1')² + (f2−f2')² + B(Σ₀, Σ₀') + (D−1) B(Σ_H, Σ_H') + D(D−3)/2 (√f12 − √f12')²
 * + (D−1)(D−2)/2 (√f13 − √f13')², with the Bures term B(A, B) = tr A + tr B − 2 tr[(A^½ B A^½)^½].
 *
 * <p>This follows from the Gaussian formula W₂² = ‖μ₁−μ₂‖² + tr Σ₁ + tr Σ₂ − 2 tr[(Σ₁^½Σ₂Σ₁^½)^½] because
 * both covariances are block diagonal in the same irrep basis. <b>Naming:</b> {@link #squared} is W₂² (what
 * the authors' repository returns and plots as "Wasserstein Distance"); {@link #distance} is W₂ itself.
 */
public final class Wasserstein {
    private Wasserstein() {
    }

    /** W₂² between two PIGMMs (docs/spec/pigmm.md §4). */
    public static double squared(PigmmParameters a, PigmmParameters b) {
        return between(a, b).w2Squared();
    }

    /** W₂ = √(W₂²) between two PIGMMs. */
    public static double distance(PigmmParameters a, PigmmParameters b) {
        return Math.sqrt(squared(a, b));
    }

    /** The per-irrep terms of W₂² (docs/spec/pigmm.md §4). */
    public static WassersteinBreakdown between(PigmmParameters a, PigmmParameters b) {
        if (a.d() != b.d()) {
            throw new IllegalArgumentException("Wasserstein distance needs models of the same D, found D = " + a.d()
                    + " and D = " + b.d());
        }
        int d = a.d();
        double mean = sq(a.f1() - b.f1()) + sq(a.f2() - b.f2());
        double v0 = SymmetricMatrices.bures(a.sigmaV0(), b.sigmaV0());
        double vh = (d - 1) * SymmetricMatrices.bures(a.sigmaVH(), b.sigmaVH());
        double v2 = IrrepBasis.dimV2(d) * sq(sqrt0(a.f12()) - sqrt0(b.f12()));
        double v3 = IrrepBasis.dimV3(d) * sq(sqrt0(a.f13()) - sqrt0(b.f13()));
        return new WassersteinBreakdown(d, mean, v0, vh, v2, v3);
    }

    /** Bures term for a one-dimensional block with multiplicity: mult (√a − √b)². */
    static double scalarBlock(double mult, double a, double b) {
        return mult * sq(sqrt0(a) - sqrt0(b));
    }

    private static double sqrt0(double x) {
        return Math.sqrt(Math.max(0, x));
    }

    private static double sq(double x) {
        return x * x;
    }
}
