/**
 * Linear-model theory of hyper-ribbons: InPCA of gradient-descent trajectories of linear regression with
 * Gaussian outputs, in closed form. Our analytic reconstruction ({@code docs/spec/hyperribbon.md} §3)
 * of the setting of Mao, Griniasty, Sun, Transtrum, Sethna, Chaudhari, "An analytical characterization of
 * sloppiness in neural networks", arXiv 2505.08915 (PRE 113, 015306, 2026); constants are ours, the papers'
 * full text was not available.
 *
 * <table>
 *   <caption>formulas</caption>
 *   <tr><th>name</th><th>formula</th><th>spec</th></tr>
 *   <tr><td>{@link org.netgauss.inpca.linear.LinearGdModel#trajectory}</td>
 *       <td>{@code w_k(t) = w*_k + (w_k(0) − w*_k) q_k^t}, {@code q_k = 1 − η λ_k}</td><td>§3.2</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.linear.LinearGdModel#distance}</td>
 *       <td>{@code D = Σ_k λ_k (w_k − w'_k)² / (8σ²)}</td><td>§3.3</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.linear.LinearModelTheory#expectedInpcaMatrix}</td>
 *       <td>{@code C = D_c [(w* w*ᵀ) ∘ K + s0² diag(G_kk/n)] D_c}</td><td>§3.4</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.linear.LinearModelTheory#geometricSum}</td>
 *       <td>{@code −expm1(n log1p(−ε))/ε}, series for tiny ε</td><td>§3.4</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.linear.PhaseDiagram}</td>
 *       <td>χ_2, dims for χ ≥ 0.9 and ρ* (χ_3 = 0.9) over spectrum decay, ρ = s* / s0 and T</td><td>§3.5</td></tr>
 * </table>
 */
package org.netgauss.inpca.linear;
