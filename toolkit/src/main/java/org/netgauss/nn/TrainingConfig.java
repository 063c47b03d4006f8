package org.netgauss.nn;

import java.util.Objects;

/**
 * Everything that determines a training run's numbers. With the same config and data, the weights are
 * bit-identical whatever the thread count, whether members are trained together or in shards, and whether the
 * run was interrupted and resumed.
 *
 * @param mlp             the architecture
 * @param init            weight initialisation
 * @param optimizer       optimiser and its hyper-parameters
 * @param batchSize       minibatch size; the last batch of an epoch is smaller if it does not divide the data
 *                        (PyTorch's {@code DataLoader(drop_last=False)})
 * @param epochs          maximum number of epochs
 * @param seed            the run seed from which every member's seeds derive ({@link Seeds})
 * @param ensembleSize    number of members E in the whole ensemble
 * @param firstMember     first global member index trained by this run (0 unless sharded)
 * @param memberCount     number of members trained by this run (E unless sharded)
 * @param dataOrder       independent or shared data orders
 * @param scheduler       plateau scheduler on the training loss, or null for a constant learning rate
 * @param earlyStopping   early stopping on the validation loss, or null
 * @param checkpointEvery write a checkpoint every this many epochs (epoch 0 and the last are always written)
 */
public record TrainingConfig(Mlp mlp, WeightInit init, Optimizer optimizer, int batchSize, int epochs, long seed,
                             int ensembleSize, int firstMember, int memberCount, DataOrder dataOrder,
                             PlateauScheduler scheduler, EarlyStopping earlyStopping, int checkpointEvery) {
    public TrainingConfig {
        Objects.requireNonNull(mlp, "mlp");
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(dataOrder, "dataOrder");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, found " + batchSize);
        }
        if (epochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0, found " + epochs);
        }
        if (ensembleSize < 1) {
            throw new IllegalArgumentException("ensembleSize must be >= 1, found " + ensembleSize);
        }
        if (firstMember < 0 || memberCount < 1 || (long) firstMember + memberCount > ensembleSize) {
            throw new IllegalArgumentException("member range [" + firstMember + ", " + ((long) firstMember + memberCount)
                    + ") must be non-empty and inside [0, " + ensembleSize + "); use members(first, count)");
        }
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be >= 1 epoch, found " + checkpointEvery);
        }
    }

    /**
     * The PIGMM paper's defaults around an architecture: PyTorch-default init, Adam 1e-3, batch 100, 50 epochs,
     * seed 0, one member, independent data orders, no scheduler, no early stopping, a checkpoint every epoch.
     */
    public static TrainingConfig defaults(Mlp mlp) {
        return new TrainingConfig(mlp, WeightInit.torchDefault(), Optimizer.adam(1e-3), 100, 50, 0, 1, 0, 1,
                DataOrder.INDEPENDENT, null, null, 1);
    }

    public TrainingConfig withInit(WeightInit i) { return new TrainingConfig(mlp, i, optimizer, batchSize, epochs, seed, ensembleSize, firstMember, memberCount, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    public TrainingConfig withOptimizer(Optimizer o) { return new TrainingConfig(mlp, init, o, batchSize, epochs, seed, ensembleSize, firstMember, memberCount, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    public TrainingConfig withBatchSize(int b) { return new TrainingConfig(mlp, init, optimizer, b, epochs, seed, ensembleSize, firstMember, memberCount, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    public TrainingConfig withEpochs(int e) { return new TrainingConfig(mlp, init, optimizer, batchSize, e, seed, ensembleSize, firstMember, memberCount, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    public TrainingConfig withSeed(long s) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, s, ensembleSize, firstMember, memberCount, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    /** The whole ensemble of {@code e} members (resets any shard range). */
    public TrainingConfig withEnsembleSize(int e) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, seed, e, 0, e, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    /** Only members {@code [first, first + count)} of the ensemble (a shard). */
    public TrainingConfig withMembers(int first, int count) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, seed, ensembleSize, first, count, dataOrder, scheduler, earlyStopping, checkpointEvery); }

    public TrainingConfig withDataOrder(DataOrder d) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, seed, ensembleSize, firstMember, memberCount, d, scheduler, earlyStopping, checkpointEvery); }

    public TrainingConfig withScheduler(PlateauScheduler s) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, seed, ensembleSize, firstMember, memberCount, dataOrder, s, earlyStopping, checkpointEvery); }

    public TrainingConfig withEarlyStopping(EarlyStopping es) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, seed, ensembleSize, firstMember, memberCount, dataOrder, scheduler, es, checkpointEvery); }

    public TrainingConfig withCheckpointEvery(int n) { return new TrainingConfig(mlp, init, optimizer, batchSize, epochs, seed, ensembleSize, firstMember, memberCount, dataOrder, scheduler, earlyStopping, n); }
}
