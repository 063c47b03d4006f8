package org.netgauss.preact;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.netgauss.preact.internal.Normal;

/**
 * How Gaussian a sample of pre-activations is, against N(0,1) and against N(0,q) for a reference
 * variance q (the mean-field prediction q^l of the variance map, {@code docs/spec/gaussian-preact.md}
 * 2.1; q = 1 when none is given).
 *
 * <ul>
 *   <li>{@code ks}: one-sample Kolmogorov-Smirnov distance to N(0,1),
 *       D = max_i max(i/N - Phi(z_(i)), Phi(z_(i)) - (i-1)/N), the statistic of the paper's
 *       2-layer experiment (docs/spec/gaussian-preact.md §3a); for ReLU/tanh it includes the variance mismatch.</li>
 *   <li>{@code ksPValue}: the asymptotic p-value of {@code ks} for N i.i.d. draws, 1 - K_N(D), by
 *       Commons Math's {@link KolmogorovSmirnovTest#cdf(double, int)} (Pelz-Good for large N).</li>
 *   <li>{@code ksRef}: the KS distance to N(0,q) (shape only, the scale being the predicted one).</li>
 *   <li>{@code wasserstein1}, {@code wasserstein1Ref}: W1 = int |F_N(x) - G(x)| dx between the empirical
 *       law and N(0,1), resp. N(0,q), computed exactly for the step function F_N.</li>
 *   <li>{@code excessKurtosis}: m4/m2^2 - 3 with biased central moments (0 for a Gaussian, &gt; 0 for heavy
 *       tails).</li>
 * </ul>
 *
 * @param n sample size
 * @param mean sample mean
 * @param variance biased sample variance (divided by n)
 * @param excessKurtosis m4 / m2^2 - 3
 * @param ks KS distance to N(0,1)
 * @param ksPValue p-value of {@code ks} under i.i.d. N(0,1) draws
 * @param wasserstein1 W1 distance to N(0,1)
 * @param q the reference variance
 * @param ksRef KS distance to N(0,q)
 * @param ksRefPValue p-value of {@code ksRef}
 * @param wasserstein1Ref W1 distance to N(0,q)
 */
public record GaussianityStatistics(int n, double mean, double variance, double excessKurtosis, double ks,
        double ksPValue, double wasserstein1, double q, double ksRef, double ksRefPValue, double wasserstein1Ref) {

    /** Statistics against N(0,1) only ({@code q = 1}). */
    public static GaussianityStatistics of(double[] samples) {
        return of(samples, 1.0);
    }

    /**
     * Statistics against N(0,1) and N(0,q). The input is not modified.
     *
     * @throws IllegalArgumentException for fewer than 2 samples, a non-finite sample, or q &lt;= 0
     */
    public static GaussianityStatistics of(double[] samples, double q) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("Gaussianity statistics need at least 2 samples, found " + samples.length);
        }
        if (!(q > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("reference variance q must be positive and finite, found " + q);
        }
        double[] z = samples.clone();
        Arrays.sort(z);
        if (!Double.isFinite(z[0]) || !Double.isFinite(z[z.length - 1])) {
            throw new IllegalArgumentException("samples contain a non-finite value (" + z[0] + " .. " + z[z.length - 1]
                    + "); the propagation diverged: lower sigma_w or the depth");
        }
        int n = z.length;
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (double v : z) {
            double d = v - mean;
            double d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= n;
        m4 /= n;
        double kurt = m2 > 0 ? m4 / (m2 * m2) - 3 : Double.NaN;
        double sd = Math.sqrt(q);
        double ks = ksSorted(z, 1.0);
        double ksRef = q == 1.0 ? ks : ksSorted(z, sd);
        double w1 = wasserstein1Sorted(z, 1.0);
        double w1Ref = q == 1.0 ? w1 : wasserstein1Sorted(z, sd);
        return new GaussianityStatistics(n, mean, m2, kurt, ks, ksPValue(ks, n), w1, q, ksRef, ksPValue(ksRef, n), w1Ref);
    }

    /**
     * The KS distance between the empirical law of {@code sorted} (ascending) and N(0, sd^2).
     */
    public static double ksSorted(double[] sorted, double sd) {
        int n = sorted.length;
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = Normal.cdf(sorted[i] / sd);
            double up = (i + 1.0) / n - f;
            double down = f - (double) i / n;
            if (up > d) {
                d = up;
            }
            if (down > d) {
                d = down;
            }
        }
        return d;
    }

    /**
     * The KS distance between the empirical law of {@code samples} (any order, not modified) and N(0, sd^2),
     * without a comparison sort: u_i = Phi(z_i/sd) is about uniform, so a bucket sort of the u_i on N buckets
     * (insertion sort within a bucket) takes linear expected time. Equal to {@link #ksSorted} on sorted input.
     */
    public static double ks(double[] samples, double sd) {
        int n = samples.length;
        double[] u = new double[n];
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            double v = Normal.cdf(samples[i] / sd);
            u[i] = v;
            start[Math.min(n - 1, (int) (v * n)) + 1]++;
        }
        for (int b = 0; b < n; b++) {
            start[b + 1] += start[b];
        }
        double[] sorted = new double[n];
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            int b = Math.min(n - 1, (int) (u[i] * n));
            sorted[start[b] + fill[b]++] = u[i];
        }
        for (int b = 0; b < n; b++) {
            int lo = start[b];
            int hi = start[b + 1];
            for (int i = lo + 1; i < hi; i++) {
                double v = sorted[i];
                int j = i - 1;
                while (j >= lo && sorted[j] > v) {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = v;
            }
        }
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = sorted[i];
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return d;
    }

    /** 1 - K_n(d): the probability that n i.i.d. draws from the reference give a KS distance above d. */
    public static double ksPValue(double d, int n) {
        if (d * d * n > 50) {
            return 0.0;   // far beyond any test level; Pelz-Good is not needed to say so
        }
        return Math.max(0.0, 1.0 - new KolmogorovSmirnovTest().cdf(d, n));
    }

    /**
     * W1 = int |F_N(x) - Phi(x/sd)| dx for ascending {@code sorted}, exactly: on [z_(i), z_(i+1)] F_N = i/N is
     * constant and an antiderivative of Phi(x/sd) is x Phi(x/sd) + sd phi(x/sd); intervals where Phi crosses
     * i/N are split at sd Phi^{-1}(i/N).
     */
    public static double wasserstein1Sorted(double[] sorted, double sd) {
        int n = sorted.length;
        // left tail: int_{-inf}^{z1} Phi = A(z1); right tail: int_{zn}^{inf} (1 - Phi) = sd phi(zn/sd) - zn (1 - Phi(zn/sd))
        double total = antiderivative(sorted[0], sd);
        double zn = sorted[n - 1];
        total += sd * Normal.pdf(zn / sd) - zn * (1 - Normal.cdf(zn / sd));
        for (int i = 1; i < n; i++) {
            double a = sorted[i - 1];
            double b = sorted[i];
            if (b <= a) {
                continue;
            }
            double c = (double) i / n;
            double fa = Normal.cdf(a / sd);
            double fb = Normal.cdf(b / sd);
            double ia = antiderivative(a, sd);
            double ib = antiderivative(b, sd);
            if (fb <= c) {
                total += c * (b - a) - (ib - ia);
            } else if (fa >= c) {
                total += (ib - ia) - c * (b - a);
            } else {
                double x = sd * Normal.quantile(c);
                x = Math.min(Math.max(x, a), b);
                double ix = antiderivative(x, sd);
                total += c * (x - a) - (ix - ia) + (ib - ix) - c * (b - x);
            }
        }
        return total;
    }

    /** An antiderivative of Phi(x/sd): x Phi(x/sd) + sd phi(x/sd). */
    private static double antiderivative(double x, double sd) {
        return x * Normal.cdf(x / sd) + sd * Normal.pdf(x / sd);
    }

    /** Whether the sample passes the KS test against N(0,1) at the given level. */
    public boolean isGaussianAtLevel(double level) {
        return ksPValue > level;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT,
                "GaussianityStatistics[n=%d, mean=%.4g, var=%.4g, exKurt=%.4g, ks=%.4g (p=%.3g), W1=%.4g, q=%.4g, ksRef=%.4g, W1Ref=%.4g]",
                n, mean, variance, excessKurtosis, ks, ksPValue, wasserstein1, q, ksRef, wasserstein1Ref);
    }
}
