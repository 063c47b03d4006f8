/**
 * Shift-Tab: {@link org.netgauss.kernel.inspect.Inspector} asks JShell what the name at the cursor is and
 * shows its signature with the javadoc that {@link org.netgauss.kernel.inspect.SourceJavadoc} reads from the
 * sources on the kernelspec's source path (the toolkit's own sources, so its formulas show).
 */
package org.netgauss.kernel.inspect;
