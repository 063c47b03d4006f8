package org.netgauss.preact;

/**
 * The Gaussianity of one layer's pre-activation (unit 1) over an ensemble of random networks.
 *
 * @param layer layer index l &gt;= 1 (Z^l)
 * @param width n_l
 * @param meanFieldQ q^l from iterating the variance map from q^1 (docs/spec/gaussian-preact.md §2.1): the Gaussian hypothesis' variance
 * @param statistics KS / W1 / kurtosis against N(0,1) and N(0, q^l)
 */
public record LayerGaussianity(int layer, int width, double meanFieldQ, GaussianityStatistics statistics) {
}
