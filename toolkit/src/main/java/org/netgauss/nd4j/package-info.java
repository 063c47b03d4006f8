/**
 * ND4J's {@code INDArray} at the toolkit's edge: {@link org.netgauss.nd4j.Nd4jArrays} copies between an
 * {@code INDArray} and the plain Java arrays the engine works on, checking shape and dtype. It depends on ND4J and
 * the JDK only, so every package may call it without a cycle; the array-bearing types use it in their
 * {@code of(INDArray)} / {@code toINDArray()} methods ({@code WeightEnsemble}, {@code Dataset}, {@code NpyArray},
 * {@code Predictions}, {@code PigmmParameters}, {@code InpcaEmbedding}). The engine itself keeps its own bit-exact
 * kernels (see the README's ND4J section for what ND4J's BLAS was measured to do against them).
 */
package org.netgauss.nd4j;
