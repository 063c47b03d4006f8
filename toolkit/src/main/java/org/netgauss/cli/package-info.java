/**
 * The {@code netgauss} command line ({@code environment/bin/netgauss}); one class per subcommand, registered in
 * {@link org.netgauss.cli.Netgauss}. Each prints JSON with {@code --json}, exits 1 with a one-line message naming the
 * file on bad input (missing, truncated or corrupt .npy, wrong dtype or rank, D too small, NaN/Inf), 2 on a usage
 * error, and writes nothing but its report to stdout.
 *
 * <pre>
 * netgauss train --config FILE --out DIR [--profile P] [--resume] [--members FROM:TO | --shard K/N]
 * netgauss train-shard / merge / submit --slurm     (member ranges on a cluster, see environment/slurm)
 * netgauss study --results DIR [--profile P] [--runs DIR] [--settings a,b]   (the weight-Gaussianity study)
 * netgauss fit ENSEMBLE.npy [--model pigmm|bipartite|iid|rectangular] [--json]
 * netgauss invariants ENSEMBLE.npy [--set paper|quadratic|cubic|quartic|all] [--json]
 * netgauss wasserstein A.npy (B.npy | --params F1,...,F13 | --init gaussian|uniform) [--json]
 * netgauss preact ks|propagate|eoc|correlations ...   (Wolinski &amp; Arbel's pre-activation Gaussianity)
 * netgauss inpca PROBS.npy [--components K] [--json]   (InPCA of predicted probabilities)
 * </pre>
 *
 * <table>
 *   <caption>what each subcommand computes</caption>
 *   <tr><td>fit</td><td>f1..f13 (or the 5 / 2 parameters), log L, AIC = 2k − 2 log L</td><td>docs/spec/pigmm.md §2.6, §6</td></tr>
 *   <tr><td>invariants</td><td>mean, SD (1/N), Wick prediction of the fitted PIGMM, Δ = |wick − mean|/SD</td>
 *       <td>docs/spec/pigmm.md §3.1–3.3</td></tr>
 *   <tr><td>wasserstein</td><td>W₂, W₂² and the per-irrep terms of W₂²</td><td>docs/spec/pigmm.md §4</td></tr>
 *   <tr><td>study</td><td>trains or resumes every run of the study, then f1..f13, W₂², deviations and accuracy
 *       per epoch as CSV with provenance.json</td><td>results/README.md</td></tr>
 * </table>
 */
package org.netgauss.cli;
