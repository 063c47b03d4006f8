/**
 * The netgauss Jupyter kernel for Java: {@link org.netgauss.kernel.KernelMain} starts it,
 * {@link org.netgauss.kernel.NetgaussKernel} answers Jupyter's messages, {@link org.netgauss.kernel.KernelConfig}
 * holds what the kernelspec's environment sets, and {@link org.netgauss.kernel.KernelSpecInstaller} writes the
 * kernelspec. Cells run in {@code execution}; the IJava magics live in {@code magic}; {@code %maven}'s resolver
 * in {@code maven}.
 */
package org.netgauss.kernel;
