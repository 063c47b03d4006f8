/**
 * The perturbative PIGMM: the 13-parameter permutation-invariant Gaussian matrix model plus cubic and quartic
 * permutation-invariant couplings, p(M) ∝ exp(−S₀(M) − Σ_a g_a O_a(M)), used at first order in g
 * (docs/spec/perturbative.md). Entry point {@link org.netgauss.perturbative.Perturbative}.
 *
 * <table>
 *   <caption>where each formula lives</caption>
 *   <tr><th>name in the spec</th><th>class, member</th><th>docs/spec/perturbative.md</th></tr>
 *   <tr><td>⟨F⟩₀, C₀(F, G) by index patterns × Wick matchings (cost independent of D)</td>
 *       <td>{@link org.netgauss.perturbative.GaussianCorrelator}</td><td>§3.2, §3.3</td></tr>
 *   <tr><td>atoms E_ij, R_i, C_j, t, T; their means and covariances</td>
 *       <td>{@code internal.AtomForm}, {@code internal.AtomMoments}, {@code internal.PatternSums}</td><td>§3.3</td></tr>
 *   <tr><td>terms A, S2 = {I22, I45}, S4 = {I14, I22, I29, I45}</td>
 *       <td>{@link org.netgauss.perturbative.PerturbingTerms}</td><td>§2.2</td></tr>
 *   <tr><td>scheme A (bare) and scheme B (renormalised): ĝ = −K⁻¹δ, β = (G⁻¹c)ᵀ, O^⊥, K = C₀(O^⊥, O^⊥)</td>
 *       <td>{@link org.netgauss.perturbative.Scheme}, {@link org.netgauss.perturbative.PerturbativeFit}</td>
 *       <td>§4.1, §4.2</td></tr>
 *   <tr><td>se_null = √diag(K⁻¹/N), se_csv, prediction SE, score 𝒮 = N δᵀK⁻¹δ, ε = (ĝᵀKĝ)^{1/2}</td>
 *       <td>{@link org.netgauss.perturbative.PerturbativeFit}</td><td>§4.4, §4.5, §4.6</td></tr>
 *   <tr><td>γ₁, γ₂, ε₃, ε₄ of the entries</td><td>{@link org.netgauss.perturbative.EntryCumulants}</td>
 *       <td>§1, §4.5</td></tr>
 *   <tr><td>Gram–Charlier positivity, γ₁max(γ₂)</td><td>{@link org.netgauss.perturbative.GramCharlier}</td>
 *       <td>§4.5</td></tr>
 *   <tr><td>⟨F⟩₁, Δ, Δ', held-out median and max by group</td>
 *       <td>{@link org.netgauss.perturbative.InvariantPrediction},
 *       {@link org.netgauss.perturbative.PerturbativePredictions}</td><td>§5</td></tr>
 *   <tr><td>inputs from results/ (pigmm.csv, deviations.csv, provenance.json); perturbative.csv and
 *       perturbative-deviations.csv</td><td>{@link org.netgauss.perturbative.CommittedResults},
 *       {@link org.netgauss.perturbative.PerturbativeStudy}</td><td>§4, §7</td></tr>
 * </table>
 *
 * <p>Not implemented: the sandwich standard errors and the network-split validation of §4.4 and §4.6, and new terms
 * such as Σ_j (Σ_i M_ij²)², which need the per-network invariants of the runs.
 */
package org.netgauss.perturbative;
