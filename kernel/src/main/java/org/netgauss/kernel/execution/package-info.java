/**
 * Running cells in JShell inside the kernel's JVM: {@link org.netgauss.kernel.execution.CellEvaluator} splits a
 * cell into snippets and returns the last expression's value as an object; snippets run on a
 * {@link org.netgauss.kernel.execution.SnippetThread}, and their bytecode polls a stop flag so Kernel → Interrupt
 * works without {@code Thread.stop}. Failures are {@link org.netgauss.kernel.execution.CellException}s that
 * describe themselves.
 */
package org.netgauss.kernel.execution;
