package org.netgauss.pigmm;

/**
 * The information criteria that rank fitted models: AIC = 2k − 2 log L (Akaike 1974) and BIC = k ln n − 2 log L
 * (Schwarz 1978), for k free parameters, n independent observations and maximised log-likelihood log L. Lower is
 * better; a NaN log-likelihood (a degenerate fit) gives NaN.
 */
public final class InformationCriteria {
    private InformationCriteria() {
    }

    /** AIC = 2k − 2 log L. */
    public static double aic(int parameters, double logLikelihood) {
        return 2.0 * parameters - 2 * logLikelihood;
    }

    /** BIC = k ln n − 2 log L. */
    public static double bic(int parameters, int observations, double logLikelihood) {
        if (observations < 1) {
            throw new IllegalArgumentException("BIC needs at least 1 observation, found " + observations);
        }
        return parameters * Math.log(observations) - 2 * logLikelihood;
    }
}
