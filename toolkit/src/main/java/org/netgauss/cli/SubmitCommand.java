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

    @Option(names = "--sbatch", paramLabel = "PATH", defaultValue = "sbatch",
            description = "the sbatch command (default: sbatch on the PATH); scancel is looked for beside it")
    String sbatchCommand;

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
        String sbatchTrain = SlurmScripts.quote(sbatchCommand) + " --parsable " + s.trainScriptFile();
        String sbatchMerge = SlurmScripts.quote(sbatchCommand) + " --parsable --dependency=afterok:<array job id> "
                + s.mergeScriptFile();
        if (dryRun) {
            System.out.println("# " + s.trainScriptFile() + "\n" + s.trainScript());
            System.out.println("# " + s.mergeScriptFile() + "\n" + s.mergeScript());
            System.out.println("# would run:\n" + sbatchTrain + "\n" + sbatchMerge);
            return 0;
        }
        String arrayId;
        String mergeId;
        Written written = new Written();
        try {
            writeJob(s, job, written);
            written.file(s.trainScriptFile(), s.trainScript());
            written.file(s.mergeScriptFile(), s.mergeScript());
            written.directory(dir.resolve("logs"));
            written.directory(dir.resolve("shards"));
            arrayId = sbatch(List.of(sbatchCommand, "--parsable", s.trainScriptFile().toString()));
            try {
                mergeId = sbatch(List.of(sbatchCommand, "--parsable", "--dependency=afterok:" + arrayId,
                        s.mergeScriptFile().toString()));
            } catch (RuntimeException ex) {
                // an array whose merge was never submitted would train into files we are about to remove
                String cancelled = scancel(arrayId);
                throw new IllegalStateException(ex.getMessage() + "; " + cancelled, ex);
            }
        } catch (RuntimeException | Error ex) {
            written.undo();
            throw ex;
        }
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

    private static void writeJob(SlurmScripts s, ShardJob job, Written written) {
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
        written.file(f, text);
    }

    /** The job file's optional {@code "slurm"} object, each field checked for its type. */
    private static JsonObject slurmDefaults(Path config) {
        JsonElement el;
        try {
            el = com.google.gson.JsonParser.parseString(Files.readString(config, StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read " + config + ": " + ex.getMessage(), ex);
        }
        JsonElement slurm = el.getAsJsonObject().get("slurm");
        if (slurm == null || slurm.isJsonNull()) {
            return new JsonObject();
        }
        if (!slurm.isJsonObject()) {
            throw new IllegalArgumentException(config + ": 'slurm' must be an object {cpusPerTask, mem, time, partition,"
                    + " account}, found " + slurm);
        }
        for (var entry : slurm.getAsJsonObject().entrySet()) {
            String key = entry.getKey();
            JsonElement v = entry.getValue();
            boolean ok = switch (key) {
                case "cpusPerTask" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()
                        && v.getAsString().matches("\\d{1,9}");
                case "mem", "time", "partition", "account" -> v.isJsonPrimitive() && v.getAsJsonPrimitive().isString();
                default -> throw new IllegalArgumentException(config + ": unknown field slurm." + key
                        + " (known: cpusPerTask, mem, time, partition, account)");
            };
            if (!ok) {
                throw new IllegalArgumentException(config + ": slurm." + key + " must be "
                        + (key.equals("cpusPerTask") ? "a positive integer" : "a string") + ", found " + v);
            }
        }
        return slurm.getAsJsonObject();
    }

    private static String or(String option, JsonObject o, String key) {
        return option != null ? option : o.has(key) ? o.get(key).getAsString() : null;
    }

    private static Integer intOr(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsInt() : null;
    }

    /**
     * What one submission wrote, so that a failed submission removes it again: files and directories it created,
     * in order; a file that already held the same content (a resubmission) is left alone.
     */
    private static final class Written {
        private final List<Path> created = new ArrayList<>();

        void file(Path f, String text) {
            directory(f.getParent());
            boolean existed = Files.exists(f);
            AtomicFiles.writeString(f, text);
            if (!existed) {
                created.add(f);
            }
        }

        void directory(Path d) {
            if (Files.isDirectory(d)) {
                return;
            }
            directory(d.getParent());
            try {
                Files.createDirectory(d);
            } catch (IOException ex) {
                throw new UncheckedIOException("could not create " + d + ": " + ex.getMessage(), ex);
            }
            created.add(d);
        }

        void undo() {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i)); // a directory something else wrote into stays
                } catch (IOException ignored) {
                    // best effort: the error being reported matters more
                }
            }
        }
    }

    /** Cancels a submitted job; returns what happened, for the error message. */
    private String scancel(String jobId) {
        Path sb = Path.of(sbatchCommand);
        String scancel = sb.getParent() != null ? sb.resolveSibling("scancel").toString() : "scancel";
        try {
            Process p = new ProcessBuilder(scancel, jobId).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0 ? "cancelled array job " + jobId : "could not cancel array job " + jobId
                    + ": run scancel " + jobId;
        } catch (IOException ex) {
            return "could not cancel array job " + jobId + " (" + ex.getMessage() + "): run scancel " + jobId;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted while cancelling array job " + jobId + ": run scancel " + jobId;
        }
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
