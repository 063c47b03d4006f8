/**
 * Pre-activation Gaussianity at initialisation: Wolinski &amp; Arbel, "Gaussian pre-activations in neural
 * networks: myth or reality?", TMLR 2025 (arXiv 2205.12379); implementation spec
 * {@code docs/spec/gaussian-preact.md}. Entry class: {@link org.netgauss.preact.Preact}.
 *
 * <h2>Names, formulas and where they live</h2>
 * <table>
 *   <caption>Concepts of the paper and their classes</caption>
 *   <tr><th>paper / spec</th><th>formula</th><th>class</th></tr>
 *   <tr><td>W(theta, 1), docs/spec/gaussian-preact.md §1.3</td><td>f(t) = (theta/2)|t|^(theta-1) e^(-|t|^theta); E|W|^s = Gamma(1+s/theta)</td>
 *       <td>{@link org.netgauss.preact.SymmetricWeibull}</td></tr>
 *   <tr><td>phi^o_theta, phi^p_theta, docs/spec/gaussian-preact.md §1.4 step C, 1.5</td><td>a tanh(bx)((|x|+c)^alpha+d)(ln(|x|+f)+g), ...</td>
 *       <td>{@link org.netgauss.preact.PhiTheta}</td></tr>
 *   <tr><td>density g of |phi(xi)|, step A</td><td>Weibull peak + sqrt(2/pi)/Gamma(1-1/theta) e^(-(y/lambda2)^theta')</td>
 *       <td>{@link org.netgauss.preact.PhiDensity}, {@link org.netgauss.preact.PhiDensityFit}</td></tr>
 *   <tr><td>exact phi, step B</td><td>S_g(phi(x)) = 2(1 - Phi(|x|)) (odd), = 1 - Phi(x) (positive)</td>
 *       <td>{@link org.netgauss.preact.ExactPhiTheta}</td></tr>
 *   <tr><td>theta = 2, docs/spec/gaussian-preact.md §1.2</td><td>phi_2(x) = sqrt 2 sin(pi(Phi(x) - 1/2))</td>
 *       <td>{@link org.netgauss.preact.StandardActivations#phi2()}</td></tr>
 *   <tr><td>constraint (C1), §4 item 4</td><td>P(|W phi(xi)| &gt; z) = E exp(-(z/|phi(xi)|)^theta)</td>
 *       <td>{@link org.netgauss.preact.OneLayerLaw}</td></tr>
 *   <tr><td>propagation, docs/spec/gaussian-preact.md §1.1, 3a</td><td>Z^{l+1} = sigma_w/sqrt(n_l) W phi(Z^l) + sigma_b B</td>
 *       <td>{@link org.netgauss.preact.Propagation}, {@link org.netgauss.preact.TwoLayerKsExperiment}</td></tr>
 *   <tr><td>KS, W1, kurtosis</td><td>D = max_i max(i/N - Phi(z_(i)), Phi(z_(i)) - (i-1)/N)</td>
 *       <td>{@link org.netgauss.preact.GaussianityStatistics}</td></tr>
 *   <tr><td>correlations c^l_ab, docs/spec/gaussian-preact.md §3b</td><td>&lt;z_a, z_b&gt;/(|z_a||z_b|), class blocks C^l_pq</td>
 *       <td>{@link org.netgauss.preact.CorrelationPropagation}, {@link org.netgauss.preact.CorrelationResult}</td></tr>
 *   <tr><td>V(q), C(c), chi_1, EOC, spec 2</td><td>V(q) = sigma_w^2 m2 E[phi(sqrt q xi)^2] + sigma_b^2</td>
 *       <td>{@link org.netgauss.preact.EdgeOfChaos}, {@link org.netgauss.preact.GaussianRule}</td></tr>
 *   <tr><td>10 inputs per class (Figure 1, 14)</td><td>inputs sorted by class, |x|^2 = n_0</td>
 *       <td>{@link org.netgauss.preact.ClassSample}</td></tr>
 *   <tr><td>training, Sec. 5.3 / App. H.5, docs/spec/gaussian-preact.md §3c</td><td>Adam 1e-3, batch 200, plateau scheduler, early stopping</td>
 *       <td>{@link org.netgauss.preact.TrainingComparison}, {@link org.netgauss.preact.TrainingLaws} (phi and W(theta,1)
 *       for the engine in {@code nn})</td></tr>
 * </table>
 *
 * <h2>Conventions</h2>
 * Weights are the raw W(theta, 1) (not normalised to unit variance), scaled by sigma_w/sqrt(fan_in); the first
 * layer always has N(0,1) weights in the propagation experiments (their input is a fixed vector); in training
({@link org.netgauss.preact.TrainingLaws}) every layer draws from the initialisation's law. Variances and kurtosis are biased (divided by N). KS distances are to
 * N(0,1) unless the name ends in {@code Ref}/{@code _q} (to N(0, q^l)). All randomness comes from explicit
 * seeds; results do not depend on the thread count.
 */
package org.netgauss.preact;
