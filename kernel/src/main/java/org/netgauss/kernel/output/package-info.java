/**
 * What a cell prints: {@link org.netgauss.kernel.output.CellOutput} batches stdout and stderr into stream
 * messages, flushed by time and by size on a thread of its own, and caps what one cell may send.
 */
package org.netgauss.kernel.output;
