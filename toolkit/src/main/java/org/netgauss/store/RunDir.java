package org.netgauss.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.netgauss.store.internal.AtomicFiles;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A training run on disk:
 * <pre>
 * run/
 *   manifest.json                  config, seeds, member range, data, versions, status, epochs done, checkpoints
 *   metrics.csv                    member, epoch, lr, train_loss, train_accuracy, validation_loss, validation_accuracy, stopped
 *   checkpoints/epoch-000/W1.npy   [E, out, in] float32 per layer (b1.npy [E, out] if biases), probabilities.npy [E, S, C]
 *   checkpoints/epoch-000/state/   optimiser moments, step counts, learning rates, scheduler state (latest checkpoint only)
 * </pre>
 * Every file is written atomically (temporary file, then rename), and the manifest is written last: a
 * checkpoint exists for readers once the manifest lists it, so a crash never exposes a half-written one.
 *
 * <p>Reading, in a notebook: {@code RunDir.open(path).checkpoint(20).weights("W2")}, {@code epochs()},
 * {@code metrics()}. Damage (missing or truncated file, corrupt manifest) is reported naming the file.
 */
public final class RunDir {
    /** The manifest's {@code format} value. */
    public static final String FORMAT = "netgauss-run";
    /** The manifest's {@code formatVersion}. */
    public static final int FORMAT_VERSION = 1;
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();

    private final Path dir;
    private final JsonObject manifest;

    private RunDir(Path dir, JsonObject manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    /**
     * Creates a new run directory with a manifest made of {@code fields} (typically config, seeds, members,
     * data) plus format, status "running", epochsDone 0, an empty checkpoint list, versions and timestamps.
     *
     * @throws IllegalStateException if {@code dir} already holds a manifest (open it to resume instead)
     */
    public static RunDir create(Path dir, JsonObject fields) {
        Path m = dir.resolve("manifest.json");
        if (Files.exists(m)) {
            throw new IllegalStateException(dir + " already holds a run (manifest.json exists); open it to resume, "
                    + "or choose a new directory");
        }
        JsonObject manifest = new JsonObject();
        manifest.addProperty("format", FORMAT);
        manifest.addProperty("formatVersion", FORMAT_VERSION);
        manifest.addProperty("status", "running");
        manifest.addProperty("epochsDone", 0);
        manifest.add("checkpoints", new JsonArray());
        for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
            manifest.add(e.getKey(), e.getValue().deepCopy());
        }
        manifest.add("versions", versions());
        String now = Instant.now().toString();
        manifest.addProperty("created", now);
        manifest.addProperty("updated", now);
        RunDir r = new RunDir(dir, manifest);
        r.writeManifest();
        return r;
    }

    /**
     * Opens an existing run directory and checks its manifest.
     *
     * @throws UncheckedIOException     if {@code dir} or its manifest is missing
     * @throws IllegalArgumentException naming {@code manifest.json} if it is not valid JSON or lacks a field
     */
    public static RunDir open(Path dir) {
        Path m = dir.resolve("manifest.json");
        String text;
        try {
            text = Files.readString(m, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no run at " + dir + ": " + m + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + m + ": " + e.getMessage(), e);
        }
        JsonObject manifest;
        try {
            JsonElement el = JsonParser.parseString(text);
            if (!el.isJsonObject()) {
                throw new IllegalArgumentException(m + ": corrupt manifest, expected a JSON object");
            }
            manifest = el.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(m + ": corrupt manifest, not valid JSON (" + e.getMessage() + ")", e);
        }
        for (String key : List.of("format", "formatVersion", "status", "epochsDone", "checkpoints")) {
            if (!manifest.has(key)) {
                throw new IllegalArgumentException(m + ": corrupt manifest, field '" + key + "' is missing");
            }
        }
        if (!FORMAT.equals(manifest.get("format").getAsString())) {
            throw new IllegalArgumentException(m + ": format '" + manifest.get("format").getAsString()
                    + "' is not a netgauss run (" + FORMAT + ")");
        }
        if (manifest.get("formatVersion").getAsInt() > FORMAT_VERSION) {
            throw new IllegalArgumentException(m + ": format version " + manifest.get("formatVersion").getAsInt()
                    + " is newer than this netgauss reads (" + FORMAT_VERSION + "); update netgauss");
        }
        return new RunDir(dir, manifest);
    }

    public Path directory() { return dir; }

    /** "running" or "complete". */
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
            throw new IllegalArgumentException(dir.resolve("manifest.json") + ": corrupt manifest, 'config' is missing");
        }
        return c.getAsJsonObject().deepCopy();
    }

    /**
     * The checkpoint of {@code epoch}, after checking its files (existence, headers, lengths).
     *
     * @throws IllegalArgumentException if there is no such checkpoint (listing those there are) or a file is damaged
     */
    public Checkpoint checkpoint(int epoch) {
        for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
            JsonObject o = el.getAsJsonObject();
            if (o.get("epoch").getAsInt() == epoch) {
                Map<String, int[]> arrays = new LinkedHashMap<>();
                for (Map.Entry<String, JsonElement> a : o.getAsJsonObject("arrays").entrySet()) {
                    arrays.put(a.getKey(), GSON.fromJson(a.getValue(), int[].class));
                }
                Checkpoint c = new Checkpoint(checkpointDir(epoch), epoch, arrays, o.get("state").getAsBoolean());
                c.verify();
                return c;
            }
        }
        throw new IllegalArgumentException(dir + " has no checkpoint for epoch " + epoch + "; it has "
                + java.util.Arrays.toString(epochs()));
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
        java.util.Arrays.sort(r);
        return r;
    }

    /**
     * Predicted probabilities {@code [E, S, C]} on the snapshot set right after global step {@code step}
     * (file {@code snapshots/step-XXXXXXX.npy}).
     */
    public NpyArray snapshot(long step) {
        for (long s : snapshotSteps()) {
            if (s == step) {
                return Npy.read(snapshotFile(step));
            }
        }
        throw new IllegalArgumentException(dir + " has no probability snapshot at step " + step + "; it has "
                + java.util.Arrays.toString(snapshotSteps()));
    }

    /**
     * Writes the snapshot of {@code step} (taken during {@code epoch}); it is listed in the manifest by the next
     * {@link #recordEpoch}.
     */
    public void writeSnapshot(long step, int epoch, NpyArray probabilities) {
        Npy.write(snapshotFile(step), probabilities);
        JsonArray a = manifest.has("snapshots") ? manifest.getAsJsonArray("snapshots") : new JsonArray();
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("epoch", epoch);
        a.add(o);
        manifest.add("snapshots", a);
    }

    Path snapshotFile(long step) {
        return dir.resolve("snapshots").resolve(String.format(Locale.ROOT, "step-%07d.npy", step));
    }

    /** The metrics table: one row per member and epoch. */
    public Table metrics() {
        Path p = dir.resolve("metrics.csv");
        if (!Files.exists(p)) {
            throw new UncheckedIOException(new NoSuchFileException(p + " is missing; the run has recorded no epoch yet"));
        }
        try {
            return Table.read().csv(CsvReadOptions.builder(p.toFile()).tableName("metrics").build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(p + ": unreadable metrics (" + e.getMessage() + ")", e);
        }
    }

    /**
     * One row per recorded epoch (0 excluded): the number of members and the means over members of training
     * loss, training accuracy, validation loss and validation accuracy (NaN where not measured); a table that
     * renders in a notebook cell. Reads {@code metrics.csv}.
     */
    public Table epochSummary() {
        List<String> lines = metricsLines();
        java.util.TreeMap<Integer, double[]> rows = new java.util.TreeMap<>();
        String[] names = {"train_loss", "train_accuracy", "validation_loss", "validation_accuracy"};
        int[] cols = {3, 4, 5, 6};
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            if (f.length < 7) {
                throw new IllegalArgumentException(dir.resolve("metrics.csv") + ": line " + (i + 1) + " has " + f.length
                        + " fields, expected 8 (" + lines.get(0) + ")");
            }
            // sums at 0..3, counts at 4..7, members at 8
            double[] acc = rows.computeIfAbsent(Integer.parseInt(f[1]), e -> new double[9]);
            acc[8]++;
            for (int k = 0; k < 4; k++) {
                if (!f[cols[k]].isEmpty()) {
                    acc[k] += Double.parseDouble(f[cols[k]]);
                    acc[4 + k]++;
                }
            }
        }
        tech.tablesaw.api.IntColumn epoch = tech.tablesaw.api.IntColumn.create("epoch");
        tech.tablesaw.api.IntColumn members = tech.tablesaw.api.IntColumn.create("members");
        tech.tablesaw.api.DoubleColumn[] means = new tech.tablesaw.api.DoubleColumn[4];
        for (int k = 0; k < 4; k++) {
            means[k] = tech.tablesaw.api.DoubleColumn.create("mean_" + names[k]);
        }
        for (Map.Entry<Integer, double[]> r : rows.entrySet()) {
            epoch.append(r.getKey());
            double[] a = r.getValue();
            members.append((int) a[8]);
            for (int k = 0; k < 4; k++) {
                means[k].append(a[4 + k] > 0 ? a[k] / a[4 + k] : Double.NaN);
            }
        }
        return Table.create(dir.getFileName() + " by epoch", epoch, members, means[0], means[1], means[2], means[3]);
    }

    /** The raw lines of {@code metrics.csv}, header first (empty if there is none yet). */
    public List<String> metricsLines() {
        Path p = dir.resolve("metrics.csv");
        try {
            return Files.exists(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + p + ": " + e.getMessage(), e);
        }
    }

    // ----------------------------------------------------------------------------------------- writing

    /**
     * Records the end of {@code epoch}: writes the checkpoint arrays (if {@code arrays} is not null) and the
     * resume state (if {@code state} is not null), then the metrics, then the manifest (epochsDone = epoch,
     * the new checkpoint listed). Older checkpoints' state directories are deleted once the new one is listed.
     *
     * @param metricsCsv the whole metrics file (header and all rows so far)
     */
    public void recordEpoch(int epoch, String metricsCsv, Map<String, NpyArray> arrays, Map<String, NpyArray> state) {
        if (arrays != null) {
            Path cp = checkpointDir(epoch);
            for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                Npy.write(cp.resolve(a.getKey() + ".npy"), a.getValue());
            }
            if (state != null) {
                for (Map.Entry<String, NpyArray> s : state.entrySet()) {
                    Npy.write(cp.resolve("state").resolve(s.getKey() + ".npy"), s.getValue());
                }
            }
        }
        Map<String, int[]> shapes = null;
        if (arrays != null) {
            shapes = new LinkedHashMap<>();
            for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                shapes.put(a.getKey(), a.getValue().shape());
            }
        }
        recordWritten(epoch, metricsCsv, shapes, state != null);
    }

    /**
     * As {@link #recordEpoch}, for a checkpoint whose files are already written (by a streaming writer such as
     * {@link RunMerge}): {@code shapes} lists the arrays of {@code checkpoints/epoch-XXX/}, or is null for an
     * epoch without checkpoint; {@code state} says whether its {@code state/} directory is complete.
     */
    void recordWritten(int epoch, String metricsCsv, Map<String, int[]> shapes, boolean state) {
        AtomicFiles.writeString(dir.resolve("metrics.csv"), metricsCsv);
        manifest.addProperty("epochsDone", epoch);
        if (shapes != null) {
            JsonArray cps = manifest.getAsJsonArray("checkpoints");
            JsonArray kept = new JsonArray();
            for (JsonElement el : cps) {
                if (el.getAsJsonObject().get("epoch").getAsInt() < epoch) {
                    kept.add(el);
                }
            }
            JsonObject entry = new JsonObject();
            entry.addProperty("epoch", epoch);
            JsonObject shapeJson = new JsonObject();
            for (Map.Entry<String, int[]> a : shapes.entrySet()) {
                shapeJson.add(a.getKey(), GSON.toJsonTree(a.getValue()));
            }
            entry.add("arrays", shapeJson);
            entry.addProperty("state", state);
            kept.add(entry);
            List<Integer> stale = new java.util.ArrayList<>();
            if (state) {
                for (JsonElement el : kept) {
                    JsonObject o = el.getAsJsonObject();
                    if (o.get("epoch").getAsInt() < epoch && o.get("state").getAsBoolean()) {
                        o.addProperty("state", false);
                        stale.add(o.get("epoch").getAsInt());
                    }
                }
            }
            manifest.add("checkpoints", kept);
            writeManifest();
            for (int e : stale) {
                deleteTree(checkpointDir(e).resolve("state"));
            }
        } else {
            writeManifest();
        }
    }

    /** Forgets checkpoints after {@code epoch} and sets epochsDone to it (before resuming from there). */
    public void rollBackTo(int epoch) {
        JsonArray kept = new JsonArray();
        for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
            if (el.getAsJsonObject().get("epoch").getAsInt() <= epoch) {
                kept.add(el);
            }
        }
        manifest.add("checkpoints", kept);
        if (manifest.has("snapshots")) {
            JsonArray snaps = new JsonArray();
            for (JsonElement el : manifest.getAsJsonArray("snapshots")) {
                if (el.getAsJsonObject().get("epoch").getAsInt() <= epoch) {
                    snaps.add(el);
                }
            }
            manifest.add("snapshots", snaps);
        }
        manifest.addProperty("epochsDone", epoch);
        manifest.addProperty("status", "running");
        writeManifest();
    }

    /** Sets a top-level manifest field and rewrites the manifest. */
    public void updateManifest(String key, JsonElement value) {
        manifest.add(key, value.deepCopy());
        writeManifest();
    }

    /** Marks the run complete. */
    public void markComplete() {
        manifest.addProperty("status", "complete");
        writeManifest();
    }

    private void writeManifest() {
        manifest.addProperty("updated", Instant.now().toString());
        AtomicFiles.writeString(dir.resolve("manifest.json"), GSON.toJson(manifest) + "\n");
    }

    Path checkpointDir(int epoch) {
        return dir.resolve("checkpoints").resolve(String.format(Locale.ROOT, "epoch-%03d", epoch));
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete stale optimiser state " + p + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject versions() {
        JsonObject v = new JsonObject();
        v.addProperty("netgauss", netgaussVersion());
        v.addProperty("java", System.getProperty("java.version"));
        v.addProperty("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        v.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        v.addProperty("gson", Gson.class.getPackage().getImplementationVersion());
        v.addProperty("tablesaw", Table.class.getPackage().getImplementationVersion());
        v.addProperty("commonsMath", org.apache.commons.math3.util.FastMath.class.getPackage().getImplementationVersion());
        return v;
    }

    private static String netgaussVersion() {
        try (var in = RunDir.class.getResourceAsStream("/org/netgauss/netgauss.properties")) {
            if (in == null) {
                return "unknown";
            }
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "RunDir[" + dir + ", " + status() + ", " + epochsDone() + " epochs, checkpoints "
                + java.util.Arrays.toString(epochs()) + "]";
    }
}
