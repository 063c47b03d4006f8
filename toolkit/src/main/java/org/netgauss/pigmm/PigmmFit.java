package org.netgauss.pigmm;

import java.util.Locale;
import tech.tablesaw.api.Table;

/**
 * The result of {@link Pigmm#fit}: the fitted parameters, the ensemble size and the maximised log-likelihood
 * (NaN when the fit is degenerate, e.g. N = 2 leaves Σ_V0 singular).
 *
 * <p>AIC = 2k − 2 log L with k = 13 (Akaike 1974), for comparison with the IID (k = 2) and bipartite (k = 5)
 * models of docs/spec/pigmm.md §6.
 */
public record PigmmFit(PigmmParameters parameters, int members, double logLikelihood) {

    /** Number of free parameters, 13. */
    public int parameterCount() {
        return 13;
    }

    /** Akaike information criterion 2k − 2 log L. */
    public double aic() {
        return InformationCriteria.aic(parameterCount(), logLikelihood);
    }

    /** Bayesian information criterion k ln N − 2 log L, N = members. */
    public double bic() {
        return InformationCriteria.bic(parameterCount(), members, logLikelihood);
    }

    /** The parameters f1..f13 as a table. */
    public Table toTable() {
        return parameters.toTable();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PigmmFit[N=%d, logL=%.6g, AIC=%.6g, %s]", members, logLikelihood, aic(),
                parameters);
    }
}
