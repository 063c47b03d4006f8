/**
 * netgauss: statistics of neural-network ensembles.
 *
 * <p>Packages by domain: {@code data} (MNIST, synthetic sets), {@code nn} (MLP ensembles and training),
 * {@code store} (run directories), {@code pigmm} (permutation-invariant Gaussian matrix models),
 * {@code invariants} (invariant observables as graphs), {@code preact} (pre-activation Gaussianity),
 * {@code inpca} (InPCA and hyper-ribbons), {@code notebook} (inline display), {@code cli}, and {@code nd4j} (ND4J's
 * {@code INDArray} in and out of the array-bearing types).
 */
package org.netgauss;
