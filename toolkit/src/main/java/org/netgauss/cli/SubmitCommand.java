package org.netgauss.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.netgauss.store.internal.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code netgauss submit --slurm --config JOB.json --shards N --out DIR}: writes the job-array and merge scripts
 * ({@link SlurmScripts}) and submits them with {@code sbatch}, the merge with {@code --dependency=afterok}.
 * Resource requests come from the options, else from the job file's optional {@code "slurm"} object
 * ({@code cpusPerTask, mem, time, partition, account}), else the cluster's defaults.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Train an ensemble as a Slurm job array of shards plus a merge job (sbatch).")
public final class SubmitCommand implements Callable<Integer> {
    @Option(names = "--slurm", required = true, description = "submit to Slurm (the only scheduler supported)")
    boolean slurm;

    @Option(names = "--config", required = true, paramLabel = "JOB.json", description = "the job file (as for train-shard)")
    Path config;

    @Option(names = "--shards", required = true, paramLabel = "N", description = "number of shards = array tasks")
    int shards;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "shared output directory: job.json, slurm/, logs/, shards/shard-KKK/, run/ (the merged run)")
    Path out;

    @Option(names = "--cpus-per-task", paramLabel = "C", description = "CPUs of each array task (also its training threads)")
    Integer cpus;

    @Option(names = "--mem", paramLabel = "SIZE", description = "memory of each array task, e.g. 4G")
    String mem;

    @Option(names = "--time", paramLabel = "TIME", description = "time limit of each array task, e.g. 02:00:00")
    String time;

    @Option(names = "--partition", paramLabel = "P", description = "Slurm partition")
    String partition;

    @Option(names = "--account", paramLabel = "A", description = "Slurm account")
    String account;

    @Option(names = "--merge-mem", paramLabel = "SIZE", description = "memory of the merge job (default: --mem)")
    String mergeMem;

    @Option(names = "--merge-time", paramLabel = "TIME", description = "time limit of the merge job (default: --time)")
    String mergeTime;

    @Option(names = "--sbatch-option", paramLabel = "OPT", description = "extra #SBATCH line for both jobs, e.g. --qos=short (repeatable)")
    List<String> extra = new ArrayList<>();

    @Option(names = "--job-name", paramLabel = "NAME", defaultValue = "netgauss", description = "job name (default: ${DEFAULT-VALUE})")
    String jobName;

    @Option(names = "--launcher", paramLabel = "PATH",
            description = "the netgauss launcher on the nodes (default: this checkout's environment/bin/netgauss)")
    String launcher;

    @Option(names = "--dry-run", description = "print the scripts and sbatch commands; write and submit nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print the job ids and paths as JSON")
    boolean json;

    @Override
    public Integer call() {
        ShardJob job = ShardJob.read(config);
        int e = job.config().ensembleSize();
        if (shards < 1 || shards > e) {
            throw new IllegalArgumentException("--shards " + shards + ": need 1 to " + e + " shards for an ensemble of " + e);
        }
        JsonObject fromJob = slurmDefaults(config);
        SlurmScripts.Resources task = new SlurmScripts.Resources(
                cpus != null ? cpus : intOr(fromJob, "cpusPerTask"), or(mem, fromJob, "mem"), or(time, fromJob, "time"),
                or(partition, fromJob, "partition"), or(account, fromJob, "account"), extra);
        SlurmScripts.Resources merge = new SlurmScripts.Resources(1, mergeMem != null ? mergeMem : task.mem(),
                mergeTime != null ? mergeTime : task.time(), task.partition(), task.account(), extra);
        Path dir = out.toAbsolutePath().normalize();
        SlurmScripts s = new SlurmScripts(jobName, dir, launcher != null ? launcher : defaultLauncher(), shards, task, merge,
                System.getenv("NETGAUSS_PROFILE"));
        String sbatchTrain = "sbatch --parsable " + s.trainScriptFile();
        String sbatchMerge = "sbatch --parsable --dependency=afterok:<array job id> " + s.mergeScriptFile();
        if (dryRun) {
            System.out.println("# " + s.trainScriptFile() + "\n" + s.trainScript());
            System.out.println("# " + s.mergeScriptFile() + "\n" + s.mergeScript());
            System.out.println("# would run:\n" + sbatchTrain + "\n" + sbatchMerge);
            return 0;
        }
        writeJob(s, job);
        AtomicFiles.writeString(s.trainScriptFile(), s.trainScript());
        AtomicFiles.writeString(s.mergeScriptFile(), s.mergeScript());
        try {
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("shards"));
        } catch (IOException ex) {
            throw new UncheckedIOException("could not create " + dir + "/logs: " + ex.getMessage(), ex);
        }
        String arrayId = sbatch(List.of("sbatch", "--parsable", s.trainScriptFile().toString()));
        String mergeId = sbatch(List.of("sbatch", "--parsable", "--dependency=afterok:" + arrayId, s.mergeScriptFile().toString()));
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("arrayJob", arrayId);
            o.addProperty("mergeJob", mergeId);
            o.addProperty("shards", shards);
            o.addProperty("out", dir.toString());
            o.addProperty("run", s.mergedDir().toString());
            o.addProperty("logs", dir.resolve("logs").toString());
            System.out.println(new GsonBuilder().create().toJson(o));
        } else {
            System.out.println("submitted array job " + arrayId + " (" + shards + " shards) and merge job " + mergeId
                    + "; the merged run will be " + s.mergedDir() + ", logs in " + dir.resolve("logs"));
        }
        return 0;
    }

    private static void writeJob(SlurmScripts s, ShardJob job) {
        String text = new GsonBuilder().setPrettyPrinting().create().toJson(job.toJson()) + "\n";
        Path f = s.jobFile();
        try {
            if (Files.exists(f) && !Files.readString(f, StandardCharsets.UTF_8).equals(text)) {
                throw new IllegalArgumentException(f + " holds another job; submit into a new --out directory "
                        + "(shards of different jobs cannot be merged)");
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read " + f + ": " + ex.getMessage(), ex);
        }
        AtomicFiles.writeString(f, text);
    }

    private static JsonObject slurmDefaults(Path config) {
        try {
            JsonElement el = com.google.gson.JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8));
            JsonObject o = el.getAsJsonObject();
            return o.has("slurm") ? o.getAsJsonObject("slurm") : new JsonObject();
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read " + config + ": " + ex.getMessage(), ex);
        }
    }

    private static String or(String option, JsonObject o, String key) {
        return option != null ? option : o.has(key) ? o.get(key).getAsString() : null;
    }

    private static Integer intOr(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsInt() : null;
    }

    /** Runs sbatch and returns the job id ({@code --parsable} prints {@code id} or {@code id;cluster}). */
    private static String sbatch(List<String> command) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException ex) {
            throw new IllegalStateException("could not run sbatch (" + ex.getMessage() + "); run this on a Slurm login "
                    + "node, or use --dry-run to see the scripts", ex);
        }
        try {
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int code = p.waitFor();
            if (code != 0 || !output.matches("\\d+(;\\S+)?")) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + code + "): " + output);
            }
            return output.split(";")[0];
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sbatch", ex);
        }
    }

    /** {@code environment/bin/netgauss} of the checkout this code runs from, else "netgauss" on the PATH. */
    static String defaultLauncher() {
        try {
            Path p = Path.of(SubmitCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = p; d != null; d = d.getParent()) {
                Path l = d.resolve("environment").resolve("bin").resolve("netgauss");
                if (Files.isExecutable(l)) {
                    return l.toString();
                }
            }
        } catch (java.net.URISyntaxException | RuntimeException ignored) {
            // fall through to the PATH
        }
        return "netgauss";
    }
}
