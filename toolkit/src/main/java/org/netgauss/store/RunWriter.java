package org.netgauss.store;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netgauss.store.internal.AtomicFiles;
import tech.tablesaw.api.Table;

/**
 * Writes a run directory ({@link RunDir} is the read-only view), holding its {@link RunLock} from
 * {@link #lock} to {@link #close}.
 *
 * <p>Order of writes, which is what makes a kill at any moment harmless: a checkpoint's arrays and state files,
 * then {@code metrics.csv}, then the manifest listing them with their lengths and CRC-32C checksums; every file
 * is written to a temporary file and renamed. A new run's manifest is first written with its epoch-0
 * checkpoint, so a directory with a manifest always holds a resumable run, and one without (a run killed while
 * being created, or after a full disk) is started afresh. {@link #existing} removes what a killed writer left
 * behind: temporary files, checkpoints and snapshots the manifest does not list, stale {@code state/}
 * directories, and {@code metrics.csv} rows past the committed ones.
 *
 * <pre>{@code
 * try (RunWriter w = RunWriter.lock(dir)) {
 *     Optional<RunDir> old = w.existing();
 *     ...
 * }
 * }</pre>
 */
public final class RunWriter implements AutoCloseable {
    private final RunLock lock;
    private final Path dir;
    private JsonObject manifest;

    private RunWriter(RunLock lock) {
        this.lock = lock;
        this.dir = lock.directory();
    }

    /**
     * Takes the lock of {@code dir} (creating it if needed).
     *
     * @throws IllegalStateException naming the holder if another writer has it
     */
    public static RunWriter lock(Path dir) {
        return new RunWriter(RunLock.acquire(dir));
    }

    public Path directory() { return dir; }

    /**
     * The run the directory holds, after cleaning what a killed writer left behind, or empty if it holds no
     * manifest. The manifest and the presence and length of every file are checked; the checksums of a
     * checkpoint are checked when it is read (resuming reads the one it resumes from).
     *
     * @throws IllegalArgumentException naming the damaged file
     */
    public Optional<RunDir> existing() {
        if (!Files.exists(dir.resolve(Manifest.FILE))) {
            return Optional.empty();
        }
        manifest = Manifest.read(dir, RunDir.FORMAT, RunDir.FORMAT_VERSION);
        RunDir r = new RunDir(dir, manifest);
        r.integrity().checkPresent();
        RunLeftovers.clean(r);
        if (!manifest.has("files")) {
            adoptUnchecked(r);
            r = new RunDir(dir, manifest);
        }
        return Optional.of(r);
    }

    /**
     * A run written before checksums existed: records the files it lists as they are now, so that the run is
     * checked from its next manifest on (the next epoch's files alone would leave the old ones unlisted).
     */
    private void adoptUnchecked(RunDir r) {
        JsonObject files = new JsonObject();
        for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
            JsonObject o = el.getAsJsonObject();
            Path cp = checkpointDir(o.get("epoch").getAsInt());
            for (String name : o.getAsJsonObject("arrays").keySet()) {
                Path f = cp.resolve(name + ".npy");
                files.add(key(f), FileIntegrity.entry(f));
            }
            if (o.get("state").getAsBoolean()) {
                for (Path f : RunLeftovers.list(cp.resolve("state"))) {
                    files.add(key(f), FileIntegrity.entry(f));
                }
            }
        }
        for (long step : r.snapshotSteps()) {
            Path f = snapshotFile(step);
            files.add(key(f), FileIntegrity.entry(f));
        }
        Path metrics = dir.resolve(FileIntegrity.METRICS);
        if (java.nio.file.Files.exists(metrics)) {
            files.add(FileIntegrity.METRICS, FileIntegrity.entry(metrics));
        }
        manifest.add("files", files);
    }

    /**
     * Starts a new run with a manifest made of {@code fields} (config, seeds, members, data, ...) plus format,
     * status "running", versions and timestamps, after deleting whatever an earlier run left in the directory
     * (its manifest, metrics, checkpoints, snapshots, temporary files; other files are kept). Nothing is
     * visible to readers until the first {@link #recordEpoch}.
     */
    public void start(JsonObject fields) {
        RunLeftovers.deleteOwned(dir);
        JsonObject m = new JsonObject();
        m.addProperty("format", RunDir.FORMAT);
        m.addProperty("formatVersion", RunDir.FORMAT_VERSION);
        m.addProperty("status", "running");
        m.addProperty("epochsDone", 0);
        m.add("checkpoints", new JsonArray());
        for (Map.Entry<String, JsonElement> e : fields.entrySet()) {
            m.add(e.getKey(), e.getValue().deepCopy());
        }
        m.add("versions", versions());
        String now = Instant.now().toString();
        m.addProperty("created", now);
        m.addProperty("updated", now);
        m.add("files", new JsonObject());
        manifest = m;
    }

    /** The run as committed so far, read-only. */
    public RunDir run() {
        requireStarted();
        return new RunDir(dir, manifest.deepCopy());
    }

    /**
     * Records the end of {@code epoch}: writes the checkpoint arrays (if {@code arrays} is not null) and the
     * resume state (if {@code state} is not null), then the metrics, then the manifest (epochsDone = epoch,
     * the new checkpoint listed with its files' checksums). Older checkpoints' state directories are deleted
     * once the new one is listed.
     *
     * @param metricsCsv the whole metrics file (header and all rows so far)
     */
    public void recordEpoch(int epoch, String metricsCsv, Map<String, NpyArray> arrays, Map<String, NpyArray> state) {
        requireStarted();
        Map<String, int[]> shapes = null;
        if (arrays != null) {
            shapes = new LinkedHashMap<>();
            Path cp = checkpointDir(epoch);
            for (Map.Entry<String, NpyArray> a : arrays.entrySet()) {
                Npy.write(cp.resolve(a.getKey() + ".npy"), a.getValue());
                shapes.put(a.getKey(), a.getValue().shape());
            }
            if (state != null) {
                for (Map.Entry<String, NpyArray> s : state.entrySet()) {
                    Npy.write(cp.resolve("state").resolve(s.getKey() + ".npy"), s.getValue());
                }
            }
        }
        recordWritten(epoch, metricsCsv, shapes, arrays != null && state != null);
    }

    /**
     * As {@link #recordEpoch}, for a checkpoint whose files are already written (by a streaming writer such as
     * {@link RunMerge}): {@code shapes} lists the arrays of {@code checkpoints/epoch-XXX/}, or is null for an
     * epoch without checkpoint; {@code state} says whether its {@code state/} directory is complete.
     */
    void recordWritten(int epoch, String metricsCsv, Map<String, int[]> shapes, boolean state) {
        requireStarted();
        JsonObject files = files();
        byte[] metrics = metricsCsv.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(FileIntegrity.METRICS), out -> out.write(metrics));
        files.add(FileIntegrity.METRICS, FileIntegrity.entry(metrics));
        manifest.addProperty("epochsDone", epoch);
        List<Integer> stale = new ArrayList<>();
        if (shapes != null) {
            Path cp = checkpointDir(epoch);
            JsonArray kept = new JsonArray();
            for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
                if (el.getAsJsonObject().get("epoch").getAsInt() < epoch) {
                    kept.add(el);
                }
            }
            JsonObject shapeJson = new JsonObject();
            for (Map.Entry<String, int[]> a : shapes.entrySet()) {
                shapeJson.add(a.getKey(), Manifest.GSON.toJsonTree(a.getValue()));
                Path f = cp.resolve(a.getKey() + ".npy");
                files.add(key(f), FileIntegrity.entry(f));
            }
            if (state) {
                for (Path f : RunLeftovers.list(cp.resolve("state"))) {
                    files.add(key(f), FileIntegrity.entry(f));
                }
                for (JsonElement el : kept) {
                    JsonObject o = el.getAsJsonObject();
                    if (o.get("state").getAsBoolean()) {
                        o.addProperty("state", false);
                        stale.add(o.get("epoch").getAsInt());
                        forget(checkpointDir(o.get("epoch").getAsInt()).resolve("state"));
                    }
                }
            }
            JsonObject entry = new JsonObject();
            entry.addProperty("epoch", epoch);
            entry.add("arrays", shapeJson);
            entry.addProperty("state", state);
            kept.add(entry);
            manifest.add("checkpoints", kept);
        }
        writeManifest();
        for (int e : stale) {
            RunLeftovers.deleteTree(checkpointDir(e).resolve("state"));
        }
    }

    /**
     * Writes the snapshot of {@code step} (taken during {@code epoch}); it is listed in the manifest by the next
     * {@link #recordEpoch}.
     */
    public void writeSnapshot(long step, int epoch, NpyArray probabilities) {
        requireStarted();
        Path f = snapshotFile(step);
        Npy.write(f, probabilities);
        JsonArray a = manifest.has("snapshots") ? manifest.getAsJsonArray("snapshots") : new JsonArray();
        JsonObject o = new JsonObject();
        o.addProperty("step", step);
        o.addProperty("epoch", epoch);
        a.add(o);
        manifest.add("snapshots", a);
        files().add(key(f), FileIntegrity.entry(f));
    }

    /** Lists snapshot files already written (by {@link RunMerge}) and rewrites the manifest. */
    void recordSnapshots(JsonArray list) {
        for (JsonElement el : list) {
            Path f = snapshotFile(el.getAsJsonObject().get("step").getAsLong());
            files().add(key(f), FileIntegrity.entry(f));
        }
        updateManifest("snapshots", list);
    }

    /**
     * Forgets checkpoints and snapshots after {@code epoch}, sets epochsDone to it and the metrics to
     * {@code metricsCsv} (its rows up to that epoch): the state to resume from there.
     */
    public void rollBackTo(int epoch, String metricsCsv) {
        requireStarted();
        JsonArray kept = new JsonArray();
        for (JsonElement el : manifest.getAsJsonArray("checkpoints")) {
            int e = el.getAsJsonObject().get("epoch").getAsInt();
            if (e <= epoch) {
                kept.add(el);
            } else {
                forget(checkpointDir(e));
            }
        }
        manifest.add("checkpoints", kept);
        if (manifest.has("snapshots")) {
            JsonArray snaps = new JsonArray();
            for (JsonElement el : manifest.getAsJsonArray("snapshots")) {
                JsonObject o = el.getAsJsonObject();
                if (o.get("epoch").getAsInt() <= epoch) {
                    snaps.add(el);
                } else {
                    forget(snapshotFile(o.get("step").getAsLong()));
                }
            }
            manifest.add("snapshots", snaps);
        }
        manifest.addProperty("status", "running");
        recordWritten(epoch, metricsCsv, null, false);
    }

    /** Sets a top-level manifest field and rewrites the manifest. */
    public void updateManifest(String key, JsonElement value) {
        requireStarted();
        manifest.add(key, value.deepCopy());
        writeManifest();
    }

    /** Marks the run complete. */
    public void markComplete() {
        updateManifest("status", Manifest.text("complete"));
    }

    /** Whether {@code name}, at the top of a directory, is something a run writes (a leftover, not a user's file). */
    public static boolean isRunFile(String name) {
        return RunLeftovers.isRunFile(name);
    }

    /** Releases the lock. */
    @Override
    public void close() {
        lock.close();
    }

    Path checkpointDir(int epoch) {
        return RunDir.checkpointDir(dir, epoch);
    }

    Path snapshotFile(long step) {
        return RunDir.snapshotFile(dir, step);
    }

    private void requireStarted() {
        if (manifest == null) {
            throw new IllegalStateException("no run in " + dir + ": call existing() or start() first");
        }
    }

    private JsonObject files() {
        if (!manifest.has("files")) {
            manifest.add("files", new JsonObject());
        }
        return manifest.getAsJsonObject("files");
    }

    private String key(Path f) {
        return dir.relativize(f).toString().replace(java.io.File.separatorChar, '/');
    }

    /** Removes the checksum entries of {@code p} and everything under it (files about to be deleted). */
    private void forget(Path p) {
        if (!manifest.has("files")) {
            return;
        }
        String k = key(p);
        files().keySet().removeIf(x -> x.equals(k) || x.startsWith(k + "/"));
    }

    private void writeManifest() {
        manifest.addProperty("updated", Instant.now().toString());
        AtomicFiles.writeString(dir.resolve(Manifest.FILE), Manifest.GSON.toJson(manifest) + "\n");
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
        try (var in = RunWriter.class.getResourceAsStream("/org/netgauss/netgauss.properties")) {
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
}
