package org.netgauss.nn;

/**
 * How ensemble members see the training data within an epoch.
 */
public enum DataOrder {
    /**
     * Each member shuffles the training set afresh every epoch with its own seed
     * ({@link Seeds.Purpose#DATA_ORDER}, member, epoch): members are statistically independent, as networks
     * trained in separate processes would be. The default.
     */
    INDEPENDENT,
    /**
     * All members use one shuffle per epoch ({@link Seeds.Purpose#SHARED_DATA_ORDER}). Members then differ only
     * by their initialisation: the minibatch noise is common to all of them, so the ensemble is <em>not</em> an
     * i.i.d. sample of trained networks — correlations between members appear (conditionally on the data order
     * they are independent), and ensemble variances underestimate the variance over data orders. Use it only to
     * study initialisation alone. In this engine it is not faster (each member streams its own batches either
     * way; see the benchmark), so it exists for the statistics, not for speed.
     */
    SHARED
}
