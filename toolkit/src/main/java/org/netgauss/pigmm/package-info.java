/**
 * Permutation-invariant Gaussian matrix models (PIGMM) of weight-matrix ensembles, after Hirst &amp; Ramgoolam,
 * "Approximate Gaussianity beyond initialisation in neural networks" (arXiv 2510.05218, 2025) and Ramgoolam,
 * "Permutation invariant Gaussian matrix models" (arXiv 1809.07559). Implementation spec: {@code docs/spec/pigmm.md}.
 *
 * <p>Conventions: M_ij is the weight from input j to output i (PyTorch (out, in)); the V_0 covariance is the biased
 * (1/N) one; V_H, V_2, V_3 moments are uncentred; the V_H copy order is (c, r, d) = (column, row, diagonal).
 *
 * <table>
 *   <caption>where each formula lives</caption>
 *   <tr><th>name in the paper / spec</th><th>class, member</th><th>spec</th></tr>
 *   <tr><td>ensemble of N matrices, shape [N, rows, cols]</td><td>{@link org.netgauss.pigmm.WeightEnsemble}</td><td>§1</td></tr>
 *   <tr><td>2V_0 + 3V_H + V_2 + V_3, Helmert v_m, E⁰¹, E⁰², E^{c,m}, E^{r,m}, E^{d,m}, P₂, P₃</td>
 *       <td>{@link org.netgauss.pigmm.IrrepBasis}</td><td>§2.2–2.3</td></tr>
 *   <tr><td>S_{0,1}, S_{0,2}, q_cc, q_cr, q_cd, q_rr, q_rd, q_dd, q₂, q₃</td>
 *       <td>{@link org.netgauss.pigmm.IrrepQuadratics}</td><td>§2.3–2.4</td></tr>
 *   <tr><td>f1..f13 ("Eq. 2.11"), μ̃, Λ_V0, Λ_VH, Λ_V2, Λ_V3</td><td>{@link org.netgauss.pigmm.PigmmParameters}</td><td>§2.5</td></tr>
 *   <tr><td>moment fit = MLE; fit from Ī1..Ī13</td><td>{@link org.netgauss.pigmm.Pigmm#fit},
 *       {@link org.netgauss.pigmm.Pigmm#fitFromMeanInvariants}</td><td>§2.6</td></tr>
 *   <tr><td>forward map ⟨I1..I13⟩(f)</td><td>{@link org.netgauss.pigmm.PigmmParameters#expectedQuadraticInvariants()}</td><td>§2.7</td></tr>
 *   <tr><td>μ_ij, Cov(M_ij, M_kl), K^{ab}</td><td>{@link org.netgauss.pigmm.PigmmCovariance}</td><td>§2.8</td></tr>
 *   <tr><td>IID point f = (Dm, 0, s², 0, s², s², 0, 0, s², 0, s², s², s²)</td>
 *       <td>{@link org.netgauss.pigmm.PigmmParameters#iid}, {@link org.netgauss.pigmm.IidGaussianModel}</td><td>§2.8</td></tr>
 *   <tr><td>W₂² per irrep (wasserstein2Squared) and W₂ (wasserstein2)</td>
 *       <td>{@link org.netgauss.pigmm.Wasserstein}, {@link org.netgauss.pigmm.WassersteinBreakdown}</td><td>§4</td></tr>
 *   <tr><td>Bhattacharyya distance per irrep (a netgauss extension, for InPCA of fits through training)</td>
 *       <td>{@link org.netgauss.pigmm.PigmmBhattacharyya}</td><td>§4 (by analogy)</td></tr>
 *   <tr><td>analytic init reference f_ref</td><td>{@link org.netgauss.pigmm.PigmmParameters#initReference}</td><td>§4</td></tr>
 *   <tr><td>bipartite S_D x S_D and rectangular S_M x S_N models (5 parameters)</td>
 *       <td>{@link org.netgauss.pigmm.RectangularModel}, {@link org.netgauss.pigmm.Pigmm#fitBipartite}</td><td>§6</td></tr>
 *   <tr><td>AIC comparison</td><td>{@link org.netgauss.pigmm.ModelComparison}</td><td>§6</td></tr>
 * </table>
 */
package org.netgauss.pigmm;
