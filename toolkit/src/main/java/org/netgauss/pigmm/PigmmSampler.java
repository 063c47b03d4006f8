package org.netgauss.pigmm;

import java.util.random.RandomGenerator;
import org.netgauss.pigmm.internal.SymmetricMatrices;

/**
 * Draws matrices from a PIGMM in O(D²) per matrix (docs/spec/pigmm.md §2.5: components independent across irreps and
 * across the multiplicity index m).
 *
 * <p>V_0: (S_{0,1}, S_{0,2}) = (f1, f2) + Σ_V0^½ z. V_H: a 3 x D matrix of IID N(0,1) is multiplied by Σ_VH^½ and
 * each row is centred; the centred rows u_c, u_r, u_d have covariance (Σ_VH)_ab P, the same as
 * Σ_m S_{a,m} v_m, so no Helmert vectors are needed. V_2, V_3: an IID N(0, f12) (resp. f13) matrix projected
 * onto the irrep is isotropic Gaussian on it. Semidefinite blocks are allowed (symmetric square roots).
 */
final class PigmmSampler {
    private PigmmSampler() {
    }

    static double[] sample(PigmmParameters p, RandomGenerator rng) {
        int d = p.d();
        double[] m = new double[d * d];
        double[][] r0 = SymmetricMatrices.sqrt(p.sigmaV0());
        double z1 = rng.nextGaussian();
        double z2 = rng.nextGaussian();
        double s01 = p.f1() + r0[0][0] * z1 + r0[0][1] * z2;
        double s02 = p.f2() + r0[1][0] * z1 + r0[1][1] * z2;
        double s1 = Math.sqrt(d - 1.0);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m[i * d + j] = s01 / d + s02 * ((i == j ? 1 : 0) - 1.0 / d) / s1;
            }
        }
        double[][] rh = SymmetricMatrices.sqrt(p.sigmaVH());
        double[][] z = new double[3][d];
        for (int a = 0; a < 3; a++) {
            for (int i = 0; i < d; i++) {
                z[a][i] = rng.nextGaussian();
            }
        }
        double[][] u = SymmetricMatrices.multiply(rh, z);
        for (double[] row : u) {
            double mean = 0;
            for (double x : row) {
                mean += x;
            }
            mean /= d;
            for (int i = 0; i < d; i++) {
                row[i] -= mean;
            }
        }
        double sq = Math.sqrt(d);
        double sd = Math.sqrt(d / (d - 2.0));
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double diag = sd * ((i == j ? u[2][i] : 0) - (u[2][i] + u[2][j]) / d);
                m[i * d + j] += u[0][j] / sq + u[1][i] / sq + diag;
            }
        }
        addProjected(m, d, Math.sqrt(Math.max(0, p.f12())), true, rng);
        addProjected(m, d, Math.sqrt(Math.max(0, p.f13())), false, rng);
        return m;
    }

    private static void addProjected(double[] m, int d, double sd, boolean v2, RandomGenerator rng) {
        double[] g = new double[d * d];
        for (int k = 0; k < g.length; k++) {
            g[k] = sd * rng.nextGaussian();
        }
        double[] proj = v2 ? IrrepBasis.projectV2(g, d) : IrrepBasis.projectV3(g, d);
        for (int k = 0; k < g.length; k++) {
            m[k] += proj[k];
        }
    }
}
