package org.netgauss.pigmm;

import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The terms of W₂² between two PIGMMs by irrep (docs/spec/pigmm.md §4): the V_0 mean difference, the V_0 Bures term, the
 * V_H Bures term times D−1, and the V_2, V_3 scalar terms times their dimensions.
 * {@link #w2Squared()} is their sum; {@link #w2()} its square root.
 */
public record WassersteinBreakdown(int d, double mean, double v0, double vh, double v2, double v3) {

    /** W₂² = mean + v0 + vh + v2 + v3 (the quantity the authors' repository reports). */
    public double w2Squared() {
        return mean + v0 + vh + v2 + v3;
    }

    /** W₂ = √(W₂²). */
    public double w2() {
        return Math.sqrt(w2Squared());
    }

    /** One row per term, plus the total W₂². */
    public Table toTable() {
        return Table.create("Wasserstein-2 squared by irrep (D = " + d + ")",
                StringColumn.create("term", "mean (V0)", "V0", "VH", "V2", "V3", "W2^2"),
                DoubleColumn.create("value", mean, v0, vh, v2, v3, w2Squared()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WassersteinBreakdown[D=%d, W2^2=%.6g, W2=%.6g, mean=%.4g, V0=%.4g, VH=%.4g,"
                + " V2=%.4g, V3=%.4g]", d, w2Squared(), w2(), mean, v0, vh, v2, v3);
    }
}
