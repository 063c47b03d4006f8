/**
 * Progress of long loops, shown where the code runs: a bar updated in place in a notebook cell, a line
 * rewritten with {@code \r} on a terminal, plain lines in a log ({@link org.netgauss.progress.Progress}).
 *
 * <p>A leaf package (it imports no other netgauss package), so that training ({@code nn}) and the studies
 * ({@code study}) can show progress without depending on the display package. Only the package-private
 * {@code JupyterProgressSink} names JJava classes; it is loaded only when JJava is on the class path.
 */
package org.netgauss.progress;
