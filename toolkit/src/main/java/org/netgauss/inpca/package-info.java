/**
 * InPCA of models' predicted distributions: intensive Bhattacharyya distances, the pseudo-Euclidean
 * embedding, reference points, and (in {@link org.netgauss.inpca.linear}) the linear-model theory of
 * hyper-ribbons. Entry class: {@link org.netgauss.inpca.Inpca}.
 *
 * <p>Names and where each formula comes from (spec = {@code docs/spec/hyperribbon.md}):
 * <table>
 *   <caption>formulas</caption>
 *   <tr><th>name</th><th>formula</th><th>source</th></tr>
 *   <tr><td>{@link org.netgauss.inpca.Predictions}</td><td>{@code p_u^n(c)}, shape [T, S, C]; the model as
 *       the product distribution {@code Π_n p_u^n}</td><td>Mao et al. PNAS 2024 Eq. 1; docs/spec/hyperribbon.md §1.1</td></tr>
 *   <tr><td>{@code BC_n}</td><td>{@code Σ_c sqrt(p_u^n(c) p_v^n(c))}</td><td>docs/spec/hyperribbon.md §1.2</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.BhattacharyyaDistance#matrix bhattacharyya}</td>
 *       <td>{@code D_uv = (1/N) Σ_n −log BC_n} (intensive; {@code 8D} = Quinn's {@code d²_I})</td>
 *       <td>Mao et al. 2024 (code); Quinn et al. PNAS 2019; docs/spec/hyperribbon.md §1.2</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.BhattacharyyaDistance#hellinger hellinger}</td>
 *       <td>{@code (1/N) Σ_n (1 − BC_n)}</td><td>docs/spec/hyperribbon.md §1.2</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.InpcaEmbedding}</td><td>{@code W = −½ J D J}, eigenpairs by |e|,
 *       {@code x_ik = V_ik sqrt|e_k|}, signature {@code sign e_k}</td><td>docs/spec/hyperribbon.md §1.3</td></tr>
 *   <tr><td>{@code explainedStress(K)}</td><td>{@code χ_K = 1 − sqrt(1 − Σ_{k≤K} e_k² / ‖W‖²_F)}</td>
 *       <td>docs/spec/hyperribbon.md §1.4</td></tr>
 *   <tr><td>{@code project}</td><td>Gower/Nyström out-of-sample formula</td><td>docs/spec/hyperribbon.md §1.5</td></tr>
 *   <tr><td>{@code Inpca.embedWeighted}</td><td>ω-weighted centring, Σ ω V² = 1</td><td>docs/spec/hyperribbon.md §1.6</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.Geodesic}</td><td>P0, P*, great circle in √p</td><td>docs/spec/hyperribbon.md §4.4</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.GaussianBhattacharyya}</td><td>closed form between Gaussians</td>
 *       <td>Bhattacharyya 1943; Kailath 1967</td></tr>
 *   <tr><td>{@link org.netgauss.inpca.Inpca#pigmmBhattacharyya}</td><td>{@code D_B / D²} between PIGMM fits,
 *       per irrep ({@link org.netgauss.pigmm.PigmmBhattacharyya})</td><td>netgauss extension (issue 8)</td></tr>
 * </table>
 *
 * <p>Command line: {@code netgauss inpca PROBS.npy [--components K] [--json] [--out COORDS.npy]} on a
 * {@code [T, S, C]} float32/float64 array.
 *
 * <p>Conventions: D is Mao's (per-sample mean of −log BC, not squared again); eigenvalues are those of W
 * (of W Ω when weighted); time-like directions are kept and labelled, never dropped.
 */
package org.netgauss.inpca;
