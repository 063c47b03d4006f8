package org.netgauss.cli;

import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.MemberRange;
import picocli.CommandLine.Option;

/**
 * The member-range options of any training command, as a picocli mixin:
 * {@code @Mixin ShardOptions shard;} then {@code config = shard.applyTo(config);} after the ensemble size is set.
 * {@code --members FROM:TO} (half-open) and {@code --shard K/N} (K 0-based, as {@code SLURM_ARRAY_TASK_ID}) exclude
 * each other; with neither, the whole ensemble is trained. See {@link MemberRange}.
 */
public final class ShardOptions {
    // plain options, not an exclusive @ArgGroup: a group inside a mixin is listed twice in picocli's usage help
    @Option(names = "--members", paramLabel = "FROM:TO",
            description = "train only members FROM..TO-1 of the ensemble (global indices, half-open)")
    String members;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "train shard K (0-based, like SLURM_ARRAY_TASK_ID) of N balanced shards of the ensemble")
    String shard;

    /**
     * The range chosen on the command line for an ensemble of {@code ensembleSize}, or all members.
     *
     * @throws IllegalArgumentException if both options were given, or one is malformed or out of range
     */
    public MemberRange resolve(int ensembleSize) {
        if (members != null && shard != null) {
            throw new IllegalArgumentException("--members and --shard both name a member range; give one of them");
        }
        if (members != null) {
            return MemberRange.parseMembers(members, ensembleSize);
        }
        return shard != null ? MemberRange.parseShard(shard, ensembleSize) : MemberRange.all(ensembleSize);
    }

    /** Whether {@code --members} or {@code --shard} was given. */
    public boolean isSharded() { return members != null || shard != null; }

    /** {@code config} restricted to the chosen range (the ensemble size is {@code config.ensembleSize()}). */
    public TrainingConfig applyTo(TrainingConfig config) {
        MemberRange r = resolve(config.ensembleSize());
        return config.withMembers(r.first(), r.count());
    }
}
