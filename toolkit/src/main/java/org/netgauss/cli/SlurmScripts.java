package org.netgauss.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The two batch scripts of a sharded run on Slurm, written by {@code netgauss submit --slurm} into
 * {@code OUT/slurm/}:
 * <ul>
 *   <li>{@code train.sbatch}, a job array with one task per shard: task K runs
 *       {@code netgauss train-shard --config OUT/job.json --shard K/N --out OUT/shards/shard-KKK}, logging to
 *       {@code OUT/logs/train-<jobid>_<K>.out};</li>
 *   <li>{@code merge.sbatch}, submitted with {@code --dependency=afterok:<array job>} so it starts once every task
 *       succeeded: {@code netgauss merge OUT/run OUT/shards/shard-000 ...}.</li>
 * </ul>
 * A requeued or resubmitted task resumes its shard directory from the last checkpoint. {@code OUT} must be on a
 * file system every node sees.
 *
 * @param name      job name prefix
 * @param out       the shared output directory (absolute)
 * @param launcher  the netgauss launcher as the nodes see it (absolute path or a name on PATH)
 * @param shards    number of shards N (array tasks)
 * @param resources resource requests of each array task
 * @param mergeResources resource requests of the merge job
 * @param profile   NETGAUSS_PROFILE to export into the jobs, or null
 */
public record SlurmScripts(String name, Path out, String launcher, int shards, Resources resources,
                           Resources mergeResources, String profile) {

    /**
     * What one job asks Slurm for; null fields are left out (the cluster's defaults apply).
     *
     * @param cpusPerTask {@code --cpus-per-task}, also the training threads
     * @param mem         {@code --mem}, e.g. 4G
     * @param time        {@code --time}, e.g. 02:00:00
     * @param partition   {@code --partition}
     * @param account     {@code --account}
     * @param extra       further {@code #SBATCH} options, verbatim, e.g. {@code --qos=short}
     */
    public record Resources(Integer cpusPerTask, String mem, String time, String partition, String account,
                            List<String> extra) {
        public Resources {
            extra = List.copyOf(extra);
            if (cpusPerTask != null && cpusPerTask < 1) {
                throw new IllegalArgumentException("--cpus-per-task must be >= 1, found " + cpusPerTask);
            }
            if (mem != null && !mem.matches("\\d+[KMGT]?")) {
                throw new IllegalArgumentException("--mem '" + mem + "': expected a size such as 4G or 500M");
            }
            if (time != null && !time.matches("(\\d+-)?\\d+(:\\d{2}){0,2}")) {
                throw new IllegalArgumentException("--time '" + time + "': expected minutes, MM:SS, HH:MM:SS or D-HH:MM:SS");
            }
        }

        String directives() {
            StringBuilder sb = new StringBuilder();
            if (cpusPerTask != null) {
                sb.append("#SBATCH --cpus-per-task=").append(cpusPerTask).append('\n');
            }
            if (mem != null) {
                sb.append("#SBATCH --mem=").append(mem).append('\n');
            }
            if (time != null) {
                sb.append("#SBATCH --time=").append(time).append('\n');
            }
            if (partition != null) {
                sb.append("#SBATCH --partition=").append(partition).append('\n');
            }
            if (account != null) {
                sb.append("#SBATCH --account=").append(account).append('\n');
            }
            for (String x : extra) {
                sb.append("#SBATCH ").append(x).append('\n');
            }
            return sb.toString();
        }
    }

    public SlurmScripts {
        Objects.requireNonNull(out, "out");
        if (!out.isAbsolute()) {
            throw new IllegalArgumentException("the output directory must be absolute for the nodes, found " + out);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("need at least one shard, found " + shards);
        }
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("job name '" + name + "': use letters, digits, '.', '_' and '-'");
        }
    }

    /** The job file every task reads. */
    public Path jobFile() { return out.resolve("job.json"); }

    /** Shard K's run directory. */
    public Path shardDir(int k) { return out.resolve("shards").resolve(String.format(Locale.ROOT, "shard-%03d", k)); }

    /** The merged run directory. */
    public Path mergedDir() { return out.resolve("run"); }

    public Path trainScriptFile() { return out.resolve("slurm").resolve("train.sbatch"); }

    public Path mergeScriptFile() { return out.resolve("slurm").resolve("merge.sbatch"); }

    /** The job-array script. */
    public String trainScript() {
        String shardsDir = out.resolve("shards").toString();
        return "#!/bin/bash\n"
                + "# netgauss: one array task per shard of the ensemble (written by netgauss submit --slurm)\n"
                + "#SBATCH --job-name=" + name + "\n"
                + "#SBATCH --array=0-" + (shards - 1) + "\n"
                + resources.directives()
                + "#SBATCH --output=" + out.resolve("logs") + "/train-%A_%a.out\n"
                + "set -euo pipefail\n"
                + (profile != null ? "export NETGAUSS_PROFILE=" + quote(profile) + "\n" : "")
                + "k=${SLURM_ARRAY_TASK_ID:?run this script with sbatch (it is a job array)}\n"
                + "exec " + quote(launcher) + " train-shard --config " + quote(jobFile().toString())
                + " --shard \"$k/" + shards + "\" --out " + quote(shardsDir) + "/\"$(printf 'shard-%03d' \"$k\")\""
                + " --threads \"${SLURM_CPUS_PER_TASK:-1}\"\n";
    }

    /** The merge script (submitted with {@code --dependency=afterok:<array job>}). */
    public String mergeScript() {
        StringBuilder dirs = new StringBuilder();
        for (int k = 0; k < shards; k++) {
            dirs.append(" \\\n  ").append(quote(shardDir(k).toString()));
        }
        return "#!/bin/bash\n"
                + "# netgauss: merge the shards once every array task succeeded (written by netgauss submit --slurm)\n"
                + "#SBATCH --job-name=" + name + "-merge\n"
                + mergeResources.directives()
                + "#SBATCH --output=" + out.resolve("logs") + "/merge-%j.out\n"
                + "set -euo pipefail\n"
                + "exec " + quote(launcher) + " merge " + quote(mergedDir().toString()) + dirs + "\n";
    }

    /** Single-quotes {@code s} for bash. */
    static String quote(String s) {
        if (s.matches("[A-Za-z0-9_./:=@%+-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
