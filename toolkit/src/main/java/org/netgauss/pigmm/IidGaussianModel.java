package org.netgauss.pigmm;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The simple Gaussian: all entries IID N(m, s²) (the initialisation model; Hirst &amp; Ramgoolam 2025, Sec. 2;
 * docs/spec/pigmm.md §2.8 "IID special case"). Two parameters; MLE m = mean of all entries, s² = their biased variance.
 * In PIGMM form it is f = (D m, 0, s², 0, s², s², 0, 0, s², 0, s², s², s²).
 */
public record IidGaussianModel(int rows, int cols, double mean, double variance) implements GaussianMatrixModel {

    /** MLE from all entries of all members (biased variance). */
    public static IidGaussianModel fit(WeightEnsemble ensemble) {
        double[] x = ensemble.toArray();
        double m = 0;
        for (double v : x) {
            m += v;
        }
        m /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return new IidGaussianModel(ensemble.rows(), ensemble.cols(), m, s / x.length);
    }

    /** "IID". */
    @Override
    public String name() {
        return "IID";
    }

    /** Number of free parameters, 2. */
    @Override
    public int parameterCount() {
        return 2;
    }

    /** The same model as a 13-parameter PIGMM (square only). */
    @Override
    public PigmmParameters toPigmmParameters() {
        if (rows != cols) {
            throw new IllegalStateException("only a square model embeds in the PIGMM, this one is " + rows + " x " + cols);
        }
        return PigmmParameters.iid(rows, mean, variance);
    }

    /** One draw, row-major. */
    @Override
    public double[] sample(RandomGenerator rng) {
        double[] x = new double[rows * cols];
        double sd = Math.sqrt(variance);
        for (int k = 0; k < x.length; k++) {
            x[k] = mean + sd * rng.nextGaussian();
        }
        return x;
    }

    /** Log-density of one matrix. */
    @Override
    public double logLikelihood(double[] x) {
        if (!(variance > 0)) {
            throw new IllegalStateException("IID model with variance " + variance + " has no density");
        }
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return -0.5 * (s / variance + x.length * Math.log(2 * Math.PI * variance));
    }

    /** W₂² = MN[(m−m')² + (s−s')²] (docs/spec/pigmm.md §4 oracle, here for M x N). */
    public double wasserstein2Squared(IidGaussianModel o) {
        double n = (double) rows * cols;
        double ds = Math.sqrt(variance) - Math.sqrt(o.variance);
        return n * ((mean - o.mean) * (mean - o.mean) + ds * ds);
    }

    /** W₂ = √(W₂²). */
    public double wasserstein2(IidGaussianModel o) {
        return Math.sqrt(wasserstein2Squared(o));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "IidGaussianModel[%d x %d, mean=%.6g, variance=%.6g]", rows, cols, mean,
                variance);
    }
}
