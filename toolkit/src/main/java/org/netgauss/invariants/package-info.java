/**
 * Permutation-invariant matrix observables as directed multigraphs, their evaluation, and their predictions in
 * Gaussian models (Hirst &amp; Ramgoolam 2025, arXiv 2510.05218, Sec. 3–4; {@code docs/spec/pigmm.md}).
 *
 * <table>
 *   <caption>where each formula lives</caption>
 *   <tr><th>name in the paper / spec</th><th>class, member</th><th>spec</th></tr>
 *   <tr><td>invariant of degree k = directed multigraph with k edges; canonical form, name, edge list</td>
 *       <td>{@link org.netgauss.invariants.InvariantGraph}</td><td>§2.1</td></tr>
 *   <tr><td>2, 11, 52, 296 invariants of degree 1..4</td><td>{@link org.netgauss.invariants.Invariants#enumerate(int)}</td><td>§2.1</td></tr>
 *   <tr><td>I1..I13, I14..I28 (cubic), I29..I52 (quartic)</td><td>{@link org.netgauss.invariants.Invariants#paper(int)}</td><td>§2.1, §3.1</td></tr>
 *   <tr><td>evaluation by contraction (matrix products, ≤ O(D³)); many invariants at once share M², M·Mᵀ, Mᵀ·M
 *       and finish in O(D²) (package-private {@code BatchEvaluator}, {@code ProductPlan})</td>
 *       <td>{@link org.netgauss.invariants.Invariants#evaluate}</td><td>§3.2</td></tr>
 *   <tr><td>Wick/Isserlis predictions, exact for any D (set partitions of the indices)</td>
 *       <td>{@link org.netgauss.invariants.WickPredictor}</td><td>§3.2</td></tr>
 *   <tr><td>Δ_k = |⟨I_k⟩ − Ī_k|/σ_k; normalised change</td><td>{@link org.netgauss.invariants.Deviations},
 *       {@link org.netgauss.invariants.DeviationReport}, {@link org.netgauss.invariants.InvariantEstimate}</td><td>§3.3</td></tr>
 *   <tr><td>E_init, exact Var_init, drift of I1..I13 from initialisation</td>
 *       <td>{@link org.netgauss.invariants.InitDrift}</td><td>§3.3</td></tr>
 *   <tr><td>S_M x S_N invariants (1, 4, 10, 33 of degree 1..4)</td>
 *       <td>{@link org.netgauss.invariants.RectangularInvariants}</td><td>§6</td></tr>
 * </table>
 */
package org.netgauss.invariants;
