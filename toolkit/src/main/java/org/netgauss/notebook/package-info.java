/**
 * Notebook display: how toolkit values appear in a Jupyter cell.
 *
 * <ul>
 *   <li>{@link org.netgauss.notebook.TableHtml}: Tablesaw tables as HTML (first and last rows, escaped) and
 *       text;</li>
 *   <li>{@link org.netgauss.notebook.ChartImages}: XChart charts as PNG at 2x resolution with 1x display
 *       size, SVG on request, a text alternative;</li>
 *   <li>{@link org.netgauss.notebook.ChartStyle} and {@link org.netgauss.notebook.Palette}: the look of every
 *       chart (colour-blind-safe palette, units in axis titles, legends at most a third of the chart, no
 *       clipped titles); {@link org.netgauss.notebook.ChartGeometry} measures plot area and data ink, so tests
 *       and the notebook check can tell a real plot from a blank one;</li>
 *   <li>chart one-liners that take the toolkit's result records: {@link org.netgauss.notebook.PigmmCharts}
 *       (parameters, deviations with the noise floor, I1–I13 drift, normalised change, W₂ and its irreps),
 *       {@link org.netgauss.notebook.PreactCharts} (KS vs width, Gaussianity with depth, correlation heat maps),
 *       {@link org.netgauss.notebook.EdgeOfChaosCharts} (EOC curves, variance and correlation maps), {@link org.netgauss.notebook.InpcaCharts} (projections, spectra),
 *       {@link org.netgauss.notebook.TrainingCharts} (accuracy per epoch);</li>
 *   <li>{@link org.netgauss.notebook.TableView}, {@link org.netgauss.notebook.SignificantDigits},
 *       {@link org.netgauss.notebook.ArrayText}: results, tables and arrays as a reader wants them (4 significant
 *       digits by default, whole tables and pivots on request);</li>
 *   <li>{@link org.netgauss.notebook.Images}: grids of digit images as {@code BufferedImage};</li>
 *   <li>{@link org.netgauss.notebook.NetgaussExtension}: registers the table and chart renderers with a
 *       JJava-compatible kernel through the {@code org.dflib.jjava.jupyter.Extension} service.</li>
 * </ul>
 *
 * <p>This package and {@code org.netgauss.progress} are the only ones that import kernel (JJava) types, and
 * here only {@code NetgaussExtension} names JJava classes: JJava is
 * a {@code provided} dependency, present in a kernel and absent from the CLI, so every other class here must
 * load without it. The renderers are thin wiring over pure functions, which the tests call directly.
 */
package org.netgauss.notebook;
