package org.netgauss.nn;

/**
 * Draws one weight of a layer with the given fan-in and fan-out, i.i.d. over the layer's entries. The hook for
 * distributions defined elsewhere (e.g. the symmetric Weibull of Wolinski &amp; Arbel); wrap it with
 * {@link WeightInit#fromSampler}.
 */
@FunctionalInterface
public interface WeightSampler {
    double sample(Rng rng, int fanIn, int fanOut);
}
