package org.netgauss.pigmm;

import org.netgauss.pigmm.internal.SymmetricMatrices;

/**
 * Log-density of the PIGMM, log p(M) = −S(M) − log Z (docs/spec/pigmm.md §2.5). The irrep basis is orthonormal, so the density
 * of the entries equals the density of the components:
 * log p = −½[δᵀΣ_V0⁻¹δ + log det(2πΣ_V0) + tr(Λ_VH Q_H) + (D−1) log det(2πΣ_VH) + q₂/f12 + dim V_2 log(2πf12)
 * + q₃/f13 + dim V_3 log(2πf13)], with δ = (S_{0,1} − f1, S_{0,2} − f2) and Q_H the 3 x 3 matrix of
 * {@link IrrepQuadratics#vhBlock()}.
 */
final class PigmmLikelihood {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private final PigmmParameters p;
    private final double[][] l0;
    private final double[][] lh;
    private final double constant;

    /** Precomputes the inverse blocks and the normalisation once per model. */
    PigmmLikelihood(PigmmParameters p) {
        if (!p.isNormalisable()) {
            throw new IllegalStateException("the model " + p + " is degenerate (a covariance block is not positive"
                    + " definite), so it has no density; fit from more varied members or add a small jitter");
        }
        this.p = p;
        int d = p.d();
        this.l0 = SymmetricMatrices.inverse(p.sigmaV0());
        this.lh = SymmetricMatrices.inverse(p.sigmaVH());
        this.constant = 2 * LOG_2PI + SymmetricMatrices.logDet(p.sigmaV0())
                + (d - 1) * (3 * LOG_2PI + SymmetricMatrices.logDet(p.sigmaVH()))
                + IrrepBasis.dimV2(d) * (LOG_2PI + Math.log(p.f12()))
                + IrrepBasis.dimV3(d) * (LOG_2PI + Math.log(p.f13()));
    }

    static double logDensity(PigmmParameters p, IrrepQuadratics q) {
        return new PigmmLikelihood(p).logDensity(q);
    }

    double logDensity(IrrepQuadratics q) {
        double a = q.s01() - p.f1();
        double b = q.s02() - p.f2();
        double quad0 = l0[0][0] * a * a + 2 * l0[0][1] * a * b + l0[1][1] * b * b;
        double[][] qh = q.vhBlock();
        double quadH = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                quadH += lh[i][j] * qh[i][j];
            }
        }
        return -0.5 * (quad0 + quadH + q.q2() / p.f12() + q.q3() / p.f13() + constant);
    }
}
