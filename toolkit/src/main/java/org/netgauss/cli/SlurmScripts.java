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
     * @param extra       further {@code #SBATCH} options, e.g. {@code --qos=short}: each one option of allowed
     *                    characters ({@link #OPTION}), not one the scripts set themselves
     */
    public record Resources(Integer cpusPerTask, String mem, String time, String partition, String account,
                            List<String> extra) {
        public Resources {
            extra = List.copyOf(extra);
            if (cpusPerTask != null && (cpusPerTask < 1 || cpusPerTask > MAX_CPUS)) {
                throw new IllegalArgumentException("--cpus-per-task must be in 1.." + MAX_CPUS + ", found " + cpusPerTask);
            }
            check("--mem", mem, "\\d{1,12}[KMGT]?", "a size such as 4G or 500M");
            check("--time", time, "(\\d{1,4}-)?\\d{1,6}(:\\d{2}){0,2}", "minutes, MM:SS, HH:MM:SS or D-HH:MM:SS");
            check("--partition", partition, NAMES, "partition names (letters, digits, '_', '.', '-'), comma-separated");
            check("--account", account, NAME, "an account name (letters, digits, '_', '.', '-')");
            for (String x : extra) {
                check("--sbatch-option", x, OPTION, "one sbatch option such as --qos=short or --exclusive (letters,"
                        + " digits and _ . , : = @ + / - in the value; no spaces, quotes, $, ;, ` or line breaks)");
                String option = x.split("=", 2)[0];
                if (RESERVED.contains(option)) {
                    throw new IllegalArgumentException("--sbatch-option '" + x + "': " + option
                            + " is set by netgauss submit itself");
                }
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

    /** A Slurm name: partition, account, job name; nothing a shell or an #SBATCH line would read specially. */
    static final String NAME = "[A-Za-z0-9_.-]{1,128}";
    /** A comma-separated list of names (sbatch takes several partitions). */
    static final String NAMES = NAME + "(," + NAME + "){0,31}";
    /** One long option with an optional value, or one short option with an attached value. */
    static final String OPTION = "(--[a-z][a-z0-9-]{0,40}(=[A-Za-z0-9_.,:=@+/-]{1,256})?|-[A-Za-z][A-Za-z0-9_.,:=@+/-]{0,256})";
    /** What a path must look like to appear in an #SBATCH line, where quoting is not reliable. */
    static final String PATH_CHARS = "[A-Za-z0-9_./+@:,=~-]{1,4096}";
    /** Options the scripts set themselves: giving them again would break the job array or its merge. */
    static final java.util.Set<String> RESERVED = java.util.Set.of("--array", "-a", "--output", "-o", "--job-name",
            "-J", "--dependency", "-d", "--wrap", "--parsable");
    static final int MAX_CPUS = 65536;

    /**
     * Refuses {@code value} (when not null) unless it matches {@code pattern}: whatever reaches a batch script is
     * either matched against such an allowed-character pattern or single-quoted, so no value can end a line, start
     * a command or expand a variable.
     */
    static void check(String option, String value, String pattern, String expected) {
        if (value != null && !value.matches(pattern)) {
            throw new IllegalArgumentException(option + " '" + value + "': expected " + expected);
        }
    }

    public SlurmScripts {
        Objects.requireNonNull(out, "out");
        check("the output directory", out.toString(), PATH_CHARS, "a path of letters, digits and _ . / + @ : , = ~ -"
                + " (it goes into #SBATCH --output, where spaces, quotes and % cannot be escaped)");
        check("--launcher", launcher, "[^\\p{Cntrl}]{1,4096}", "a path without control characters");
        check("NETGAUSS_PROFILE", profile, NAME, "a profile name such as smoke, quick or paper");
        if (!out.isAbsolute()) {
            throw new IllegalArgumentException("the output directory must be absolute for the nodes, found " + out);
        }
        if (shards < 1) {
            throw new IllegalArgumentException("need at least one shard, found " + shards);
        }
        check("--job-name", name, NAME, "letters, digits, '.', '_' and '-'");
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
