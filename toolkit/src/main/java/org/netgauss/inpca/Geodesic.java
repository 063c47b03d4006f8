package org.netgauss.inpca;

/**
 * Reference points of the prediction space and the geodesic between them (docs/spec/hyperribbon.md §1.1 and §4.4; Mao et al.,
 * PNAS 2024, "ignorance" P0, "truth" P* and their geodesic).
 *
 * <p>In {@code √p} coordinates each sample's distribution is a point on the unit sphere, and the
 * Bhattacharyya geometry's geodesics are great circles. Per sample, with {@code cos θ_n = BC_n(a, b)}:
 *
 * <pre>
 *   √γ_n(s) = [ sin((1 − s) θ_n) √a_n + sin(s θ_n) √b_n ] / sin θ_n,   s ∈ [0, 1],   γ_n(s) = (√γ_n(s))²
 *   D(γ(s), γ(t)) = (1/N) Σ_n −log cos(|s − t| θ_n)
 * </pre>
 *
 * From P0 (uniform) to P* (one-hot truth), {@code cos θ_n = 1/√C} for every sample, so
 * {@code D(P0, P*) = ½ ln C}.
 */
public final class Geodesic {
    private Geodesic() {}

    /** P0: {@code p^n(c) = 1/C} for every sample (one model). */
    public static Predictions uniform(int samples, int classes) {
        double[] p = new double[samples * classes];
        java.util.Arrays.fill(p, 1.0 / classes);
        return Predictions.of(p, 1, samples, classes);
    }

    /** P*: the one-hot distribution of each sample's label (one model). */
    public static Predictions truth(int[] labels, int classes) {
        double[] p = new double[labels.length * classes];
        for (int n = 0; n < labels.length; n++) {
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new IllegalArgumentException("label " + labels[n] + " of sample " + n + " is outside [0, "
                        + classes + ")");
            }
            p[n * classes + labels[n]] = 1;
        }
        return Predictions.of(p, 1, labels.length, classes);
    }

    /** {@code points} models equally spaced in s on the geodesic from P0 to P* (both ends included). */
    public static Predictions ignoranceToTruth(int[] labels, int classes, int points) {
        return between(uniform(labels.length, classes), 0, truth(labels, classes), 0, points);
    }

    /**
     * {@code points >= 2} models equally spaced in s on the geodesic from model {@code ia} of {@code a} to
     * model {@code ib} of {@code b} (ends included), as float64 predictions.
     */
    public static Predictions between(Predictions a, int ia, Predictions b, int ib, int points) {
        if (a.samples() != b.samples() || a.classes() != b.classes()) {
            throw new IllegalArgumentException("end points have [" + a.samples() + ", " + a.classes() + "] and ["
                    + b.samples() + ", " + b.classes() + "] samples x classes; they must agree");
        }
        if (points < 2) {
            throw new IllegalArgumentException("a geodesic needs at least 2 points, found " + points);
        }
        int s = a.samples();
        int c = a.classes();
        double[] out = new double[points * s * c];
        double[] ra = new double[c];
        double[] rb = new double[c];
        for (int n = 0; n < s; n++) {
            double[] pa = a.row(ia, n);
            double[] pb = b.row(ib, n);
            double sa = 0, sb = 0;
            for (int k = 0; k < c; k++) {
                sa += pa[k];
                sb += pb[k];
            }
            double cos = 0;
            for (int k = 0; k < c; k++) {
                ra[k] = Math.sqrt(pa[k] / sa);
                rb[k] = Math.sqrt(pb[k] / sb);
                cos += ra[k] * rb[k];
            }
            double theta = Math.acos(Math.min(1, cos));
            for (int t = 0; t < points; t++) {
                double u = (double) t / (points - 1);
                double wa;
                double wb;
                if (theta < 1e-12) {
                    wa = 1 - u;
                    wb = u;
                } else {
                    wa = Math.sin((1 - u) * theta) / Math.sin(theta);
                    wb = Math.sin(u * theta) / Math.sin(theta);
                }
                double norm = 0;
                int base = (t * s + n) * c;
                for (int k = 0; k < c; k++) {
                    double g = wa * ra[k] + wb * rb[k];
                    out[base + k] = g * g;
                    norm += g * g;
                }
                for (int k = 0; k < c; k++) {
                    out[base + k] /= norm;
                }
            }
        }
        return Predictions.of(out, points, s, c);
    }

    /**
     * Progress of model {@code model} of {@code p} along the geodesic from P0 to P* of {@code labels}: the
     * {@code s ∈ [0, 1]} minimising the intensive Bhattacharyya distance to γ(s) (docs/spec/hyperribbon.md §4.4, the Ramesh et
     * al. variant; the Mao repo minimises a sum of arccos instead).
     */
    public static double progressToTruth(Predictions p, int model, int[] labels) {
        return progress(p, model, uniform(labels.length, p.classes()), 0, truth(labels, p.classes()), 0);
    }

    /**
     * Progress of model {@code model} of {@code p} along the geodesic from {@code a[ia]} to {@code b[ib]}:
     * {@code argmin_s D(p, γ(s))} by golden-section search to 1e-9. Cheap because √γ is linear in the end
     * points: {@code BC_n(p, γ(s)) = [sin((1−s)θ_n) BC_n(p,a) + sin(sθ_n) BC_n(p,b)] / sin θ_n}.
     */
    public static double progress(Predictions p, int model, Predictions a, int ia, Predictions b, int ib) {
        if (p.samples() != a.samples() || p.samples() != b.samples() || p.classes() != a.classes()
                || p.classes() != b.classes()) {
            throw new IllegalArgumentException("model and geodesic end points must share samples and classes: ["
                    + p.samples() + ", " + p.classes() + "], [" + a.samples() + ", " + a.classes() + "], ["
                    + b.samples() + ", " + b.classes() + "]");
        }
        int s = p.samples();
        double[] bcA = new double[s];
        double[] bcB = new double[s];
        double[] theta = new double[s];
        for (int n = 0; n < s; n++) {
            double[] x = p.row(model, n);
            double[] ya = a.row(ia, n);
            double[] yb = b.row(ib, n);
            double ab = 0;
            for (int c = 0; c < x.length; c++) {
                bcA[n] += Math.sqrt(x[c] * ya[c]);
                bcB[n] += Math.sqrt(x[c] * yb[c]);
                ab += Math.sqrt(ya[c] * yb[c]);
            }
            theta[n] = Math.acos(Math.min(1, ab));
        }
        java.util.function.DoubleUnaryOperator d = t -> {
            double sum = 0;
            for (int n = 0; n < s; n++) {
                double bc = theta[n] < 1e-12 ? bcA[n]
                        : (Math.sin((1 - t) * theta[n]) * bcA[n] + Math.sin(t * theta[n]) * bcB[n]) / Math.sin(theta[n]);
                sum += Math.min(100, -Math.log(Math.max(bc, Math.exp(-100))));
            }
            return sum / s;
        };
        double lo = 0;
        double hi = 1;
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = d.applyAsDouble(x1);
        double f2 = d.applyAsDouble(x2);
        while (hi - lo > 1e-9) {
            if (f1 <= f2) {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = d.applyAsDouble(x1);
            } else {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = d.applyAsDouble(x2);
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Closed-form D between the geodesic points at {@code s} and {@code t} when every sample has the same
     * angle θ (as from P0 to P*): {@code −log cos(|s − t| θ)}.
     */
    public static double distanceAlong(double s, double t, double theta) {
        return -Math.log(Math.cos(Math.abs(s - t) * theta));
    }

    /** The angle {@code θ = arccos(1/√C)} between P0 and P* on the √p sphere. */
    public static double ignoranceToTruthAngle(int classes) {
        return Math.acos(1 / Math.sqrt(classes));
    }
}
