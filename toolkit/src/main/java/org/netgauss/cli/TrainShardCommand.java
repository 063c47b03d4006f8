package org.netgauss.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.RunDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code netgauss train-shard --config JOB.json --out DIR [--members FROM:TO | --shard K/N]}: trains one member
 * range of an ensemble into its own run directory (resuming it if it exists), bit-identical to the same members
 * of a one-process run. This is what a Slurm array task runs; {@code netgauss merge} joins the shards.
 */
@Command(name = "train-shard", mixinStandardHelpOptions = true,
        description = "Train a member range (shard) of an ensemble from a JSON job file; resumes DIR if it holds the run.")
public final class TrainShardCommand implements Callable<Integer> {
    @Option(names = "--config", required = true, paramLabel = "JOB.json",
            description = "job file: {\"config\": <a manifest's config>, \"data\": {...}} (see environment/slurm/README.md)")
    Path config;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the shard's run directory")
    Path out;

    @Mixin
    ShardOptions shard;

    @Option(names = "--threads", paramLabel = "N",
            description = "worker threads (default: SLURM_CPUS_PER_TASK if set, else all processors); results do not depend on it")
    Integer threads;

    @Option(names = "--json", description = "print the summary as JSON")
    boolean json;

    @Override
    public Integer call() {
        ShardJob job = ShardJob.read(config);
        TrainingConfig c = shard.applyTo(job.config());
        ShardJob.Sets sets = job.load();
        RunDir run = Training.of(c).withValidation(sets.validation()).withThreads(threadCount())
                .run(sets.train(), out);
        JsonObject o = new JsonObject();
        o.addProperty("run", run.directory().toAbsolutePath().toString());
        o.addProperty("firstMember", c.firstMember());
        o.addProperty("memberCount", c.memberCount());
        o.addProperty("ensembleSize", c.ensembleSize());
        o.addProperty("epochsDone", run.epochsDone());
        o.addProperty("status", run.status());
        System.out.println(json ? new GsonBuilder().create().toJson(o)
                : "trained members " + c.firstMember() + ":" + (c.firstMember() + c.memberCount()) + " of "
                + c.ensembleSize() + " into "
                + run.directory() + " (" + run.epochsDone() + " epochs, " + run.status() + ")");
        return 0;
    }

    private int threadCount() {
        if (threads != null) {
            return threads;
        }
        String s = System.getenv("SLURM_CPUS_PER_TASK");
        if (s != null && s.matches("\\d+")) {
            return Math.max(1, Integer.parseInt(s));
        }
        return Runtime.getRuntime().availableProcessors();
    }
}
