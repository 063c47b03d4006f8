/**
 * Ensembles of fully connected networks (MLPs) trained together, with PyTorch's numerics and reproducible,
 * shardable seeds.
 *
 * <h2>Entry points</h2>
 * <ul>
 *   <li>{@link org.netgauss.nn.Training} — train (or resume) an ensemble into a run directory:
 *       {@code Training.of(config).withValidation(test).run(train, dir)}.</li>
 *   <li>{@link org.netgauss.nn.EnsembleTrainer} — the in-memory engine, epoch by epoch.</li>
 *   <li>{@link org.netgauss.nn.TrainingConfig}, {@link org.netgauss.nn.Mlp} — what to train; validating records
 *       with {@code with…} copies.</li>
 * </ul>
 *
 * <h2>Names and formulas</h2>
 * <ul>
 *   <li>Layers W1..WL in PyTorch orientation {@code [out, in]}; z_l = W_l a_{l-1} + b_l, a_l = phi(z_l) for
 *       hidden layers, logits z_L ({@link org.netgauss.nn.Mlp}).</li>
 *   <li>Losses: cross-entropy with softmax inside, MSE on one-hot targets, both means over the batch as
 *       {@code torch.nn} ({@link org.netgauss.nn.Loss}).</li>
 *   <li>Initialisations ({@link org.netgauss.nn.WeightInit}): PyTorch's Linear default U(±1/sqrt(fan_in)),
 *       Gaussian N(0, g²/fan_in), Glorot uniform/normal (Glorot &amp; Bengio 2010), orthogonal (Saxe et al.
 *       2014), and any {@link org.netgauss.nn.WeightSampler} (e.g. the symmetric Weibull of Wolinski &amp;
 *       Arbel, TMLR 2025).</li>
 *   <li>Optimisers ({@link org.netgauss.nn.Optimizer}): SGD (momentum, dampening, Nesterov, weight decay),
 *       Adam with coupled L2 weight decay, AdamW with decoupled decay — the update rules of
 *       {@code torch.optim} 1.13.</li>
 *   <li>{@link org.netgauss.nn.PlateauScheduler}: ReduceLROnPlateau(mode min, relative threshold) on the
 *       training loss; {@link org.netgauss.nn.EarlyStopping} on the validation loss — the setting of Wolinski
 *       &amp; Arbel, App. H.5 (seed 001).</li>
 *   <li>{@link org.netgauss.nn.Seeds}: seed(run, member, purpose, extra) by chained SplitMix64 finalisers;
 *       {@link org.netgauss.nn.Rng} is SplitMix64 itself.</li>
 * </ul>
 *
 * <h2>Independence of members</h2>
 * Each member has its own initialisation and, by default, its own data order every epoch
 * ({@link org.netgauss.nn.DataOrder#INDEPENDENT}); learning rates, schedulers and early stopping are per member.
 * Members {@code [a, b)} trained alone are bit-identical to the same members trained inside the whole ensemble.
 */
package org.netgauss.nn;
