package org.netgauss.pigmm;

import java.nio.file.Path;
import org.netgauss.store.NpyArray;

/**
 * Entry point for the 13-parameter permutation-invariant Gaussian matrix model (PIGMM) of Hirst &amp; Ramgoolam,
 * "Approximate Gaussianity beyond initialisation in neural networks" (arXiv 2510.05218, 2025); implementation
 * {@code docs/spec/pigmm.md}.
 *
 * <pre>{@code
 * PigmmFit fit = Pigmm.fit(Path.of("W2.npy"));  // or a WeightEnsemble, or run.checkpoint(20).weights("W2")
 * PigmmFit fit = Pigmm.fit(ensemble);          // moment matching = Gaussian MLE (docs/spec/pigmm.md §2.6)
 * fit.parameters().toTable();                   // f1..f13
 * }</pre>
 */
public final class Pigmm {
    private Pigmm() {
    }

    /**
     * {@link #fit(WeightEnsemble)} of the ensemble in a {@code .npy} file {@code [N, D, D]}
     * ({@link WeightEnsemble#read}, whose one-line messages name the file).
     */
    public static PigmmFit fit(Path npy) {
        return fit(WeightEnsemble.read(npy));
    }

    /** {@link #fit(WeightEnsemble)} of an array {@code [N, D, D]}, e.g. {@code run.checkpoint(20).weights("W2")}. */
    public static PigmmFit fit(NpyArray weights) {
        return fit(WeightEnsemble.of(weights));
    }

    /**
     * Fits the PIGMM to an ensemble of D x D matrices by moment matching, which is the Gaussian maximum-likelihood
     * estimate (Hirst &amp; Ramgoolam 2025, Eq. 2.11; docs/spec/pigmm.md §2.6):
     * <ul>
     *   <li>f1, f2 = mean_n S_{0,1}, mean_n S_{0,2};</li>
     *   <li>f3, f4, f5 = the <b>biased</b> (1/N) covariance of (S_{0,1}, S_{0,2});</li>
     *   <li>(f6, f7, f8, f9, f10, f11) = mean_n (q_cc, q_cr, q_cd, q_rr, q_rd, q_dd)/(D−1), <b>uncentred</b>;</li>
     *   <li>f12 = mean_n q₂ / (D(D−3)/2), f13 = mean_n q₃ / ((D−1)(D−2)/2), uncentred.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if the members are not square, D &lt; 4 or N &lt; 2
     */
    public static PigmmFit fit(WeightEnsemble ensemble) {
        ensemble.requireSquare("PIGMM", 4, 2);
        int d = ensemble.rows();
        int n = ensemble.members();
        IrrepQuadratics[] q = new IrrepQuadratics[n];
        for (int k = 0; k < n; k++) {
            q[k] = IrrepQuadratics.of(ensemble.member(k), d);
        }
        double m1 = 0;
        double m2 = 0;
        double[] h = new double[6];
        double v2 = 0;
        double v3 = 0;
        for (IrrepQuadratics x : q) {
            m1 += x.s01();
            m2 += x.s02();
            h[0] += x.qcc();
            h[1] += x.qcr();
            h[2] += x.qcd();
            h[3] += x.qrr();
            h[4] += x.qrd();
            h[5] += x.qdd();
            v2 += x.q2();
            v3 += x.q3();
        }
        m1 /= n;
        m2 /= n;
        double c11 = 0;
        double c12 = 0;
        double c22 = 0;
        for (IrrepQuadratics x : q) {
            double a = x.s01() - m1;
            double b = x.s02() - m2;
            c11 += a * a;
            c12 += a * b;
            c22 += b * b;
        }
        double vh = (double) n * (d - 1);
        PigmmParameters p = new PigmmParameters(d, m1, m2, c11 / n, c12 / n, c22 / n, h[0] / vh, h[1] / vh,
                h[2] / vh, h[3] / vh, h[4] / vh, h[5] / vh, v2 / n / IrrepBasis.dimV2(d),
                v3 / n / IrrepBasis.dimV3(d));
        double logL = Double.NaN;
        if (p.isNormalisable()) {
            PigmmLikelihood likelihood = new PigmmLikelihood(p);
            logL = 0;
            for (IrrepQuadratics x : q) {
                logL += likelihood.logDensity(x);
            }
        }
        return new PigmmFit(p, n, logL);
    }

    /**
     * The same fit from ensemble averages only: Ī1..Ī13 of the linear and quadratic invariants (docs/spec/pigmm.md §2.1 order)
     * and D, the route of the authors' repository (docs/spec/pigmm.md §2.6). The V_H, V_2, V_3 parameters are the §2.4 linear
     * combinations of Ī divided by the block dimensions; for V_0, S_{0,1} = I2/D and S_{0,2} = (D I1 − I2)/(D√(D−1)),
     * so ⟨S01²⟩ = Ī10/D², ⟨S01 S02⟩ = (D Ī13 − Ī10)/(D²√(D−1)), ⟨S02²⟩ = (D² Ī12 − 2D Ī13 + Ī10)/(D²(D−1)),
     * and f3, f4, f5 are these minus the products of the means (the biased covariance).
     */
    public static PigmmParameters fitFromMeanInvariants(int d, double[] meanInvariants) {
        if (meanInvariants.length != 13) {
            throw new IllegalArgumentException("expected the 13 mean invariants I1..I13, found " + meanInvariants.length);
        }
        if (d < 4) {
            throw new IllegalArgumentException("the PIGMM needs D >= 4, found D = " + d);
        }
        double[] in = meanInvariants;
        double i1 = in[0], i2 = in[1], i3 = in[2], i4 = in[3], i5 = in[4], i6 = in[5], i7 = in[6], i8 = in[7],
                i9 = in[8], i10 = in[9], i11 = in[10], i12 = in[11], i13 = in[12];
        double dd = d;
        double s1 = Math.sqrt(dd - 1);
        double s2 = Math.sqrt(dd - 2);
        double f1 = i2 / dd;
        double f2 = (dd * i1 - i2) / (dd * s1);
        double f3 = i10 / (dd * dd) - f1 * f1;
        double f4 = (dd * i13 - i10) / (dd * dd * s1) - f1 * f2;
        double f5 = (dd * dd * i12 - 2 * dd * i13 + i10) / (dd * dd * (dd - 1)) - f2 * f2;
        double qcc = (dd * i8 - i10) / (dd * dd);
        double qrr = (dd * i7 - i10) / (dd * dd);
        double qcr = (dd * i9 - i10) / (dd * dd);
        double qcd = (dd * dd * i6 - dd * i8 - dd * i9 + 2 * i10 - dd * i13) / (dd * dd * s2);
        double qrd = (dd * dd * i5 - dd * i7 - dd * i9 + 2 * i10 - dd * i13) / (dd * dd * s2);
        double qdd = (dd * dd * dd * i11 - 2 * dd * dd * (i5 + i6) + dd * (i7 + i8 + 2 * i9) - 4 * i10 - dd * dd * i12
                + 4 * dd * i13) / (dd * dd * (dd - 2));
        double q3 = (dd * (i3 - i4) - i7 - i8 + 2 * i9) / (2 * dd);
        double q2 = ((dd - 1) * (dd - 2) * (i3 + i4) + 4 * (dd - 1) * (i5 + i6) - (dd - 1) * (i7 + i8)
                - 2 * (dd - 1) * i9 + 2 * i10 - 2 * dd * (dd - 1) * i11 + 2 * i12 - 4 * i13) / (2 * (dd - 1) * (dd - 2));
        double vh = dd - 1;
        return new PigmmParameters(d, f1, f2, f3, f4, f5, qcc / vh, qcr / vh, qcd / vh, qrr / vh, qrd / vh, qdd / vh,
                q2 / IrrepBasis.dimV2(d), q3 / IrrepBasis.dimV3(d));
    }

    /**
     * Exact sampling standard deviations of the fitted f1..f13 (index k−1) for N members with IID N(m, s²) entries
     * (docs/spec/pigmm.md §2.8): f1, f2: s/√N; f3, f5: s²√(2(N−1))/N; f4: s²√(N−1)/N; f6, f9, f11: s²√(2/(N(D−1)));
     * f7, f8, f10: s²/√(N(D−1)); f12: s²√(4/(N D(D−3))); f13: s²√(4/(N(D−1)(D−2))). Error bars for epoch 0.
     */
    public static double[] iidSamplingSd(int d, double variance, int members) {
        double s = Math.sqrt(variance);
        double s2 = variance;
        double n = members;
        double dd = d;
        double mean = s / Math.sqrt(n);
        double diagV0 = s2 * Math.sqrt(2 * (n - 1)) / n;
        double offV0 = s2 * Math.sqrt(n - 1) / n;
        double diagVH = s2 * Math.sqrt(2 / (n * (dd - 1)));
        double offVH = s2 / Math.sqrt(n * (dd - 1));
        return new double[] {mean, mean, diagV0, offV0, diagV0, diagVH, offVH, offVH, diagVH, offVH, diagVH,
            s2 * Math.sqrt(4 / (n * dd * (dd - 3))), s2 * Math.sqrt(4 / (n * (dd - 1) * (dd - 2)))};
    }

    /**
     * Fits the 5-parameter bipartite S_D x S_D model (rows and columns permuted independently; docs/spec/pigmm.md §6), which is
     * the PIGMM restricted by f2 = f4 = f7 = f8 = f10 = 0 and f5 = f11 = f12 = f13; see
     * {@link RectangularModel#toPigmmParameters()}.
     */
    public static RectangularModel fitBipartite(WeightEnsemble ensemble) {
        ensemble.requireSquare("bipartite S_D x S_D model", 2, 2);
        return RectangularModel.fit(ensemble);
    }

    /** AIC/BIC comparison of the IID, bipartite and 13-parameter models on one ensemble (docs/spec/pigmm.md §6). */
    public static ModelComparison compareModels(WeightEnsemble ensemble) {
        return ModelComparison.of(ensemble);
    }

    /** {@link #compareModels(WeightEnsemble)} of the ensemble in a {@code .npy} file. */
    public static ModelComparison compareModels(Path npy) {
        return ModelComparison.of(WeightEnsemble.read(npy));
    }

    /** {@link #compareModels(WeightEnsemble)} of an array {@code [N, rows, cols]}, e.g. a checkpoint's weights. */
    public static ModelComparison compareModels(NpyArray weights) {
        return ModelComparison.of(WeightEnsemble.of(weights));
    }
}
