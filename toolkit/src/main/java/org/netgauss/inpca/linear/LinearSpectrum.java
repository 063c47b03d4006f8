package org.netgauss.inpca.linear;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * An InPCA spectrum of an ensemble of linear-model trajectories, per point (eigenvalues of W divided by the
 * number of points, i.e. of the d × d matrix C of docs/spec/hyperribbon.md §3.4), descending. The model's W is positive
 * semi-definite (§3.3), so there are no time-like directions and all eigenvalues are >= 0 up to rounding.
 *
 * @param eigenvalues all d eigenvalues, descending
 */
public record LinearSpectrum(double[] eigenvalues) {

    public LinearSpectrum {
        eigenvalues = eigenvalues.clone();
    }

    @Override
    public double[] eigenvalues() { return eigenvalues.clone(); }

    /** The k-th largest eigenvalue (1-based, as in the papers). */
    public double eigenvalue(int k) { return eigenvalues[k - 1]; }

    /** Explained stress {@code χ_K = 1 − sqrt(1 − Σ_{k≤K} e_k² / Σ_k e_k²)} (docs/spec/hyperribbon.md §1.4). */
    public double explainedStress(int k) {
        double total = 0;
        double top = 0;
        for (int i = 0; i < eigenvalues.length; i++) {
            double e2 = eigenvalues[i] * eigenvalues[i];
            total += e2;
            if (i < k) {
                top += e2;
            }
        }
        return 1 - Math.sqrt(Math.max(0, 1 - top / total));
    }

    /** The smallest K with {@code χ_K >= chi} (docs/spec/hyperribbon.md §3.5 grid: "dims needed for χ >= 0.9"). */
    public int dimensionsFor(double chi) {
        for (int k = 1; k <= eigenvalues.length; k++) {
            if (explainedStress(k) >= chi) {
                return k;
            }
        }
        return eigenvalues.length;
    }

    /** Successive ratios {@code e_{k+1} / e_k}: roughly constant and < 1 for a hyper-ribbon (docs/spec/hyperribbon.md §2). */
    public double[] ratios() {
        double[] r = new double[eigenvalues.length - 1];
        for (int k = 0; k < r.length; k++) {
            r[k] = eigenvalues[k + 1] / eigenvalues[k];
        }
        return r;
    }

    /** k, eigenvalue, ratio to the previous, explained stress. */
    public Table toTable() {
        IntColumn k = IntColumn.create("k");
        DoubleColumn e = DoubleColumn.create("eigenvalue");
        DoubleColumn r = DoubleColumn.create("e_k/e_k-1");
        DoubleColumn chi = DoubleColumn.create("explained stress");
        for (int i = 0; i < eigenvalues.length; i++) {
            k.append(i + 1);
            e.append(eigenvalues[i]);
            if (i == 0) {
                r.appendMissing();
            } else {
                r.append(eigenvalues[i] / eigenvalues[i - 1]);
            }
            chi.append(explainedStress(i + 1));
        }
        return Table.create("linear-model InPCA spectrum", k, e, r, chi);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LinearSpectrum[d=").append(eigenvalues.length).append(", e=[");
        for (int i = 0; i < Math.min(5, eigenvalues.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.5g", eigenvalues[i]));
        }
        return sb.append(eigenvalues.length > 5 ? ", …]" : "]").append(", χ_3=")
                .append(String.format("%.4f", explainedStress(Math.min(3, eigenvalues.length)))).append(']').toString();
    }
}
