package org.netgauss.pigmm;

/**
 * The per-matrix sufficient statistics of the 13-parameter PIGMM: the two V_0 components and the
 * quadratic sums over the multiplicity index m of each irrep block.
 *
 * <p>With the orthonormal basis of docs/spec/pigmm.md §2.3 (Hirst &amp; Ramgoolam 2025, Sec. 2; Ramgoolam 2019,
 * arXiv 1809.07559):
 * <ul>
 *   <li>{@code s01} = S_{0,1} = T/D, {@code s02} = S_{0,2} = (D t − T)/(D √(D−1));</li>
 *   <li>{@code qcc} = Σ_m S_{c,m}², {@code qcr} = Σ_m S_{c,m} S_{r,m}, {@code qcd}, {@code qrr}, {@code qrd},
 *       {@code qdd} likewise for the column (c), row (r) and diagonal (d) copies of V_H, in copy order (c, r, d);</li>
 *   <li>{@code q2} = ‖P₂M‖², {@code q3} = ‖P₃M‖².</li>
 * </ul>
 * Parseval (docs/spec/pigmm.md §2.4): ‖M‖² = s01² + s02² + qcc + qrr + qdd + q2 + q3.
 */
public record IrrepQuadratics(int d, double s01, double s02, double qcc, double qcr, double qcd, double qrr,
                              double qrd, double qdd, double q2, double q3) {

    /**
     * Computes the statistics of one row-major D x D matrix in O(D²), without the Helmert vectors: for
     * zero-sum orthonormal v_m, Σ_m (x·v_m)(y·v_m) = x·y − (Σx)(Σy)/D.
     *
     * @param m row-major D x D matrix, M_ij = weight from input j to output i
     */
    public static IrrepQuadratics of(double[] m, int d) {
        if (m.length != d * d) {
            throw new IllegalArgumentException("expected a " + d + " x " + d + " matrix (" + d * d + " values), found "
                    + m.length + " values");
        }
        if (d < 4) {
            throw new IllegalArgumentException("the PIGMM irreps need D >= 4, found D = " + d);
        }
        double[] row = new double[d];
        double[] col = new double[d];
        double[] diag = new double[d];
        double trace = 0;
        double total = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double x = m[i * d + j];
                row[i] += x;
                col[j] += x;
            }
            diag[i] = m[i * d + i];
            trace += diag[i];
        }
        for (int i = 0; i < d; i++) {
            total += row[i];
        }
        double s01 = total / d;
        double s02 = (d * trace - total) / (d * Math.sqrt(d - 1.0));
        // the diagonal copy's generating vector: sqrt(D/(D-2)) (d - (R + C)/D)
        double scale = Math.sqrt(d / (d - 2.0));
        double[] dv = new double[d];
        for (int i = 0; i < d; i++) {
            dv[i] = scale * (diag[i] - (row[i] + col[i]) / d);
        }
        double qcc = projectedDot(col, col) / d;
        double qrr = projectedDot(row, row) / d;
        double qcr = projectedDot(col, row) / d;
        double qcd = projectedDot(col, dv) / Math.sqrt(d);
        double qrd = projectedDot(row, dv) / Math.sqrt(d);
        double qdd = projectedDot(dv, dv);
        // V_3 (docs/spec/pigmm.md §2.3): P₃M = A − (a_i − a_j)/D with A = (M − Mᵀ)/2 and a = (R − C)/2 its row sums, so
        // q₃ = ‖A‖² − 2‖a‖²/D (the cross term is −4‖a‖²/D, the last +2‖a‖²/D, as Σa = 0). ‖A‖² is summed directly
        // over i < j, not as (I3 − I4)/2, to avoid cancellation.
        double antisym = 0;
        double norm = 0;
        for (int i = 0; i < d; i++) {
            int io = i * d;
            norm += m[io + i] * m[io + i];
            for (int j = i + 1; j < d; j++) {
                double x = m[io + j];
                double y = m[j * d + i];
                double a = x - y;
                antisym += a * a;
                norm += x * x + y * y;
            }
        }
        double asq = 0;
        for (int i = 0; i < d; i++) {
            double a = (row[i] - col[i]) / 2;
            asq += a * a;
        }
        double q3 = antisym / 2 - 2 * asq / d;
        // V_2 by Parseval (docs/spec/pigmm.md §2.4): ‖M‖² is the sum of all irrep components; q₂ is about half of it, so no
        // cancellation. Replaces two D x D projections per matrix (the fit's cost at D = 640).
        double q2 = norm - (s01 * s01 + s02 * s02 + qcc + qrr + qdd + q3);
        return new IrrepQuadratics(d, s01, s02, qcc, qcr, qcd, qrr, qrd, qdd, q2, q3);
    }

    /** x·y − (Σx)(Σy)/D, i.e. Σ_m (x·v_m)(y·v_m) over an orthonormal basis of the zero-sum vectors. */
    static double projectedDot(double[] x, double[] y) {
        double dot = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            sx += x[i];
            sy += y[i];
        }
        return dot - sx * sy / x.length;
    }

    static double squaredNorm(double[] a) {
        double s = 0;
        for (double x : a) {
            s += x * x;
        }
        return s;
    }

    /** The V_H block as a symmetric 3 x 3 matrix in copy order (c, r, d). */
    public double[][] vhBlock() {
        return new double[][] {{qcc, qcr, qcd}, {qcr, qrr, qrd}, {qcd, qrd, qdd}};
    }

    /** Σ over all irreps of the squared components; equals ‖M‖² (Parseval). */
    public double total() {
        return s01 * s01 + s02 * s02 + qcc + qrr + qdd + q2 + q3;
    }
}
