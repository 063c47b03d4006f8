package org.netgauss.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A training run on disk, read-only (the writer is {@link RunWriter}):
 * <pre>
 * run/
 *   manifest.json                  config, seeds, member range, data, versions, status, epochs done, checkpoints,
 *                                  and the length and CRC-32C of every other file ("files")
 *   metrics.csv                    member, epoch, lr, train_loss, train_accuracy, validation_loss, test_accuracy, stopped
 *   checkpoints/epoch-000/W1.npy   [E, out, in] float32 per layer (b1.npy [E, out] if biases), probabilities.npy [E, S, C]
 *   checkpoints/epoch-000/state/   optimiser moments, step counts, learning rates, scheduler state (latest checkpoint only)
 *   snapshots/step-0000025.npy     probabilities [E, S, C] after a minibatch step (if the run records them)
 *   .netgauss.lock                 the writer's lock ({@link RunLock})
 * </pre>
 * Every file is written atomically and the manifest last, so a reader only ever sees complete checkpoints.
 *
 * <p>Checks: {@link #open} checks the manifest's structure and field types and that every file it lists exists
 * with its recorded length (a deleted or truncated file is reported at once); each file's checksum is checked
 * when it is read ({@link Checkpoint#weights}, {@link #metrics}, {@link #snapshot}), and {@link #verify} checks
 * them all. Every failure is one line naming the file.
 *
 * <p>In a notebook: {@code RunDir.open(path).checkpoint(20).weights("W2")}, {@code epochs()}, {@code metrics()}.
 */
public final class RunDir {
    /** The manifest's {@code format} value. */
    public static final String FORMAT = "netgauss-run";
    /** The manifest's {@code formatVersion}. */
    public static final int FORMAT_VERSION = 1;

    private final Path dir;
    private final JsonObject manifest;
    private final FileIntegrity integrity;

    RunDir(Path dir, JsonObject manifest) {
        this.dir = dir;
        this.manifest = manifest;
        this.integrity = new FileIntegrity(dir, manifest);
    }

    /**
     * Opens an existing run directory, checks its manifest and that the files it lists are all there.
     *
     * @throws UncheckedIOException     if {@code dir} or its manifest is missing
     * @throws IllegalArgumentException naming the file (and field) that is damaged
     */
    public static RunDir open(Path dir) {
        RunDir r = new RunDir(dir, Manifest.read(dir, FORMAT, FORMAT_VERSION));
        r.integrity.checkPresent();
        return r;
    }

    /**
     * Checks the checksum of every file of the run (reads them all).
     *
     * @throws IllegalArgumentException naming the first damaged file
     * @return this run
     */
    public RunDir verify() {
        integrity.verifyAll();
        return this;
    }

    /** Whether the manifest records checksums of the run's files (runs of netgauss before 2026-12 do not). */
    public boolean hasChecksums() { return integrity.recorded(); }

    public Path directory() { return dir; }

    /** "running", "complete", or "partial" (a merge with members missing). */
    public String status() { return manifest.get("status").getAsString(); }

    public boolean isComplete() { return "complete".equals(status()); }

    /** Epochs trained and recorded in the metrics. */
    public int epochsDone() { return manifest.get("epochsDone").getAsInt(); }

    /** The epochs that have a complete checkpoint, ascending (0 = initialisation). */
    public int[] epochs() {
        JsonArray cps = manifest.getAsJsonArray("checkpoints");
        int[] e = new int[cps.size()];
        for (int i = 0; i < e.length; i++) {
            e[i] = cps.get(i).getAsJsonObject().get("epoch").getAsInt();
        }
        return e;
    }

    /** The latest checkpoint that keeps optimiser state (where a resume starts), or -1. */
    public int resumableEpoch() {
        int best = -1;
        for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
            JsonObject o = el.getAsJsonObject();
            if (o.get("state").getAsBoolean()) {
                best = Math.max(best, o.get("epoch").getAsInt());
            }
        }
        return best;
    }

    /** A copy of the whole manifest. */
    public JsonObject manifest() { return manifest.deepCopy(); }

    /** A copy of the manifest's {@code config} object. */
    public JsonObject config() {
        JsonElement c = manifest.get("config");
        if (c == null || !c.isJsonObject()) {
            throw new IllegalArgumentException(dir.resolve(Manifest.FILE) + ": corrupt manifest, field 'config' is missing");
        }
        return c.getAsJsonObject().deepCopy();
    }

    /**
     * The checkpoint of {@code epoch}, after checking its files (existence, headers, lengths); checksums are
     * checked as its arrays are read.
     *
     * @throws IllegalArgumentException if there is no such checkpoint (listing those there are) or a file is damaged
     */
    public Checkpoint checkpoint(int epoch) {
        for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
            JsonObject o = el.getAsJsonObject();
            if (o.get("epoch").getAsInt() == epoch) {
                Map<String, int[]> arrays = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> a : o.getAsJsonObject("arrays").entrySet()) {
                    arrays.put(a.getKey(), Manifest.GSON.fromJson(a.getValue(), int[].class));
                }
                Checkpoint c = new Checkpoint(checkpointDir(epoch), epoch, arrays, o.get("state").getAsBoolean(), integrity);
                c.verify();
                return c;
            }
        }
        throw new IllegalArgumentException(dir + " has no checkpoint for epoch " + epoch + "; it has "
                + Arrays.toString(epochs()));
    }

    /** The latest complete checkpoint. */
    public Checkpoint lastCheckpoint() {
        int[] e = epochs();
        if (e.length == 0) {
            throw new IllegalStateException(dir + " has no checkpoint yet");
        }
        return checkpoint(e[e.length - 1]);
    }

    /** Global steps with a sub-epoch probability snapshot, ascending (see {@link #snapshot}). */
    public long[] snapshotSteps() {
        JsonArray a = manifest.has("snapshots") ? manifest.getAsJsonArray("snapshots") : new JsonArray();
        long[] r = new long[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = a.get(i).getAsJsonObject().get("step").getAsLong();
        }
        Arrays.sort(r);
        return r;
    }

    /**
     * Predicted probabilities {@code [E, S, C]} on the snapshot set right after global step {@code step}
     * (file {@code snapshots/step-XXXXXXX.npy}).
     */
    public NpyArray snapshot(long step) {
        for (long s : snapshotSteps()) {
            if (s == step) {
                return Npy.read(integrity.verify(snapshotFile(step)));
            }
        }
        throw new IllegalArgumentException(dir + " has no probability snapshot at step " + step + "; it has "
                + Arrays.toString(snapshotSteps()));
    }

    /** The metrics table: one row per member and epoch (see {@link MetricsCsv}). */
    public Table metrics() {
        Path p = dir.resolve(FileIntegrity.METRICS);
        if (!Files.exists(p)) {
            throw new UncheckedIOException(new java.nio.file.NoSuchFileException(p + " is missing; the run has recorded no epoch yet"));
        }
        return MetricsCsv.table("metrics", metricsRows());
    }

    /**
     * One row per recorded epoch (0 excluded): the number of members and the means over members of training
     * loss, training accuracy, validation loss and test accuracy (NaN where not measured); a table that
     * renders in a notebook cell. Reads {@code metrics.csv}.
     */
    public Table epochSummary() {
        return MetricsCsv.epochSummary(dir.getFileName() + " by epoch", metricsRows());
    }

    /** The rows of {@code metrics.csv} the manifest commits to, checked (empty if there is none yet). */
    public List<MetricsCsv.Row> metricsRows() {
        return MetricsCsv.parse(dir.resolve(FileIntegrity.METRICS), metricsLines());
    }

    /** The raw lines of {@code metrics.csv} the manifest commits to, header first (empty if there is none yet). */
    public List<String> metricsLines() {
        Path p = dir.resolve(FileIntegrity.METRICS);
        try {
            if (integrity.recorded()) {
                integrity.verify(p);
                long n = integrity.metricsBytes();
                byte[] all = Files.readAllBytes(p);
                return new String(all, 0, (int) Math.min(n, all.length), StandardCharsets.UTF_8).lines().toList();
            }
            return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + p + ": " + e.getMessage(), e);
        }
    }

    Path snapshotFile(long step) {
        return snapshotFile(dir, step);
    }

    Path checkpointDir(int epoch) {
        return checkpointDir(dir, epoch);
    }

    static Path snapshotFile(Path dir, long step) {
        return dir.resolve("snapshots").resolve(String.format(Locale.ROOT, "step-%07d.npy", step));
    }

    static Path checkpointDir(Path dir, int epoch) {
        return dir.resolve("checkpoints").resolve(String.format(Locale.ROOT, "epoch-%03d", epoch));
    }

    FileIntegrity integrity() { return integrity; }

    @Override
    public String toString() {
        return "RunDir[" + dir + ", " + status() + ", " + epochsDone() + " epochs, checkpoints "
                + Arrays.toString(epochs()) + "]";
    }
}
