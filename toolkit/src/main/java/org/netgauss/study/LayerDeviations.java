package org.netgauss.study;

import org.netgauss.invariants.DeviationReport;

/**
 * The 39 cubic and quartic invariants I14–I52 of one square layer at one checkpoint of one setting, against the Wick
 * predictions of the PIGMM fitted there (Hirst &amp; Ramgoolam 2025, Sec. 4; docs/spec/pigmm.md §3.3).
 *
 * @param report the invariants' observed means, Wick predictions, ensemble SDs and Δ = |wick − observed| / SD
 */
public record LayerDeviations(String setting, int epoch, String layer, DeviationReport report) {

    /** The ensemble size N. */
    public int members() {
        return report.estimates().get(0).members();
    }

    /**
     * 1/√N: the size of Δ that sampling noise alone produces for an invariant whose ensemble distribution is
     * Gaussian (the standard error of a mean in units of the SD).
     */
    public double noiseFloor() {
        return 1 / Math.sqrt(members());
    }

    /** Δ of the invariant labelled {@code label}, e.g. "I45". */
    public double deviation(String label) {
        return report.get(label).deviation();
    }

    @Override
    public String toString() {
        return "LayerDeviations[" + setting + " " + layer + " epoch " + epoch + ", " + report + "]";
    }
}
