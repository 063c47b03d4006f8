/**
 * Support code of {@code org.netgauss.nn}, not an API: the vectorisable float kernels of the forward and
 * backward pass ({@link org.netgauss.nn.internal.Kernels}).
 */
package org.netgauss.nn.internal;
