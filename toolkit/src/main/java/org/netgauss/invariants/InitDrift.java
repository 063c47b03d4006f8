package org.netgauss.invariants;

import org.netgauss.pigmm.WeightEnsemble;

/**
 * Drift of the linear and quadratic invariants I1..I13 from their analytic values at an IID initialisation
 * (docs/spec/pigmm.md §3.3, "Linear/quadratic drift from initialisation"): |Ī_k − E_init[I_k]| / √(Var_init[I_k]/N).
 *
 * <p>Var_init is the <b>exact</b> variance for IID mean-zero entries with variance s² and fourth moment k4 = E w⁴
 * (docs/spec/pigmm.md §3.3 table, by exhaustive pattern counting). The authors' repository uses approximate standard errors that
 * are about 1/√2 too small for I4, I7, I8, I10, I12; these are not reproduced here.
 */
public final class InitDrift {
    private InitDrift() {
    }

    /**
     * E[I_k] for IID entries with mean m and variance s² (docs/spec/pigmm.md §3.3): I1 = Dm, I2 = D²m, I3 = D²(s²+m²),
     * I4 = I5 = I6 = I12 = Ds² + D²m², I7 = I8 = D²s² + D³m², I9 = I13 = Ds² + D³m², I10 = D²s² + D⁴m², I11 = D(s²+m²).
     */
    public static double expected(int k, int d, double mean, double variance) {
        double dd = d;
        double m2 = mean * mean;
        return switch (k) {
            case 1 -> dd * mean;
            case 2 -> dd * dd * mean;
            case 3 -> dd * dd * (variance + m2);
            case 4, 5, 6, 12 -> dd * variance + dd * dd * m2;
            case 7, 8 -> dd * dd * variance + dd * dd * dd * m2;
            case 9, 13 -> dd * variance + dd * dd * dd * m2;
            case 10 -> dd * dd * variance + dd * dd * dd * dd * m2;
            case 11 -> dd * (variance + m2);
            default -> throw new IllegalArgumentException("drift is defined for I1..I13, asked for I" + k);
        };
    }

    /** Exact Var[I_k] for IID mean-zero entries with variance s² and fourth moment k4 (docs/spec/pigmm.md §3.3 table). */
    public static double variance(int k, int d, double variance, double fourthMoment) {
        double dd = d;
        double s4 = variance * variance;
        double k4 = fourthMoment;
        return switch (k) {
            case 1 -> dd * variance;
            case 2 -> dd * dd * variance;
            case 3 -> dd * dd * (k4 - s4);
            case 4, 12 -> dd * k4 + (2 * dd * dd - 3 * dd) * s4;
            case 5, 6 -> dd * k4 + (dd * dd - 2 * dd) * s4;
            case 7, 8 -> dd * dd * k4 + (2 * dd * dd * dd - 3 * dd * dd) * s4;
            case 9, 13 -> dd * k4 + (dd * dd * dd + dd * dd - 3 * dd) * s4;
            case 10 -> dd * dd * k4 + (2 * dd * dd * dd * dd - 3 * dd * dd) * s4;
            case 11 -> dd * (k4 - s4);
            default -> throw new IllegalArgumentException("drift is defined for I1..I13, asked for I" + k);
        };
    }

    /**
     * |Ī_k − E_init| / √(Var_init/N) for k = 1..13 (index k−1), for an initialisation with mean-zero IID entries.
     *
     * @param variance     s² of the initialisation, e.g. 1/D (Gaussian init) or 1/(3D) (PyTorch uniform)
     * @param fourthMoment E w⁴, e.g. 3s⁴ (Gaussian) or 9s⁴/5 (uniform)
     */
    public static double[] drift(WeightEnsemble ensemble, double variance, double fourthMoment) {
        if (!ensemble.isSquare()) {
            throw new IllegalArgumentException("drift needs square members, found " + ensemble);
        }
        int d = ensemble.rows();
        int n = ensemble.members();
        double[][] values = Invariants.evaluate(Invariants.quadratic(), ensemble);
        double[] r = new double[13];
        for (int k = 0; k < 13; k++) {
            double mean = 0;
            for (double[] row : values) {
                mean += row[k];
            }
            mean /= n;
            r[k] = Math.abs(mean - expected(k + 1, d, 0, variance))
                    / Math.sqrt(variance(k + 1, d, variance, fourthMoment) / n);
        }
        return r;
    }

    /**
     * The drift of given ensemble means Ī_1..Ī_13 (index k−1) of N members of size D, as
     * {@link #drift(WeightEnsemble, double, double)}; for means known without the ensemble, e.g. from a fitted
     * PIGMM ({@code PigmmParameters.expectedQuadraticInvariants()}, equal to the observed means by moment matching).
     */
    public static double[] drift(double[] means, int d, int members, double variance, double fourthMoment) {
        if (means.length != 13) {
            throw new IllegalArgumentException("drift needs the 13 means of I1..I13, found " + means.length);
        }
        double[] r = new double[13];
        for (int k = 0; k < 13; k++) {
            r[k] = Math.abs(means[k] - expected(k + 1, d, 0, variance))
                    / Math.sqrt(variance(k + 1, d, variance, fourthMoment) / members);
        }
        return r;
    }
}
