package org.netgauss.store;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges shard run directories (each trained a member range of one ensemble, see {@link MemberRange}) into one
 * run directory, as if the ensemble had been trained in one process.
 *
 * <p>Checks, each failing with a message naming the shard: every shard is a complete run; configs and data agree
 * in every field but the member range (the differing field is named); no member is trained twice; no member is
 * missing; the shards have the same checkpoint epochs and arrays. Then, for every checkpoint, each array
 * {@code [E, ...]} is the shards' arrays stacked along the first axis in member order, streamed file to file
 * ({@link Npy#concatenate}), written atomically, every shard file's checksum checked as it is read; the optimiser state of the latest checkpoint is merged the same
 * way so the merged run can be resumed (e.g. trained for more epochs); {@code metrics.csv} rows are ordered by
 * epoch, then member, as a one-process run writes them; probability snapshots are stacked too. The manifest is
 * written last and lists {@code mergedFrom}. All of it is written into a temporary directory next to the output,
 * which is renamed to the output only when complete: a failed or killed merge leaves no output (a killed merge's
 * temporary directory is removed by the next merge into the same output).
 *
 * <p>A <em>partial</em> merge ({@link #allowingMissing}) merges the complete shards that exist, skips shards still
 * running, and records the missing members in the manifest ({@code members.missing}, status "partial"); the
 * merged arrays then hold only the present members, in ascending global index ({@code members.indices}).
 *
 * <pre>{@code
 * RunMerge.Result r = RunMerge.of(shardDirs).into(Path.of("runs/merged"));
 * }</pre>
 */
public final class RunMerge {
    /** Config fields that legitimately differ between shards. */
    private static final List<String> RANGE_FIELDS = List.of("firstMember", "memberCount");
    /**
     * Resume-state arrays that describe the whole run rather than one member each (the trainer's epoch counter,
     * {@code org.netgauss.nn.TrainerState}): equal in every shard, copied once. All other state arrays have the
     * member axis first and are stacked.
     */
    private static final java.util.Set<String> RUN_WIDE_STATE = java.util.Set.of("epoch");

    private final List<Path> shards;
    private final boolean partial;

    private RunMerge(List<Path> shards, boolean partial) {
        this.shards = List.copyOf(shards);
        this.partial = partial;
    }

    /** A merge of these shard directories (any order). */
    public static RunMerge of(List<Path> shards) {
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("no shard directories given; pass the run directories of the shards");
        }
        return new RunMerge(shards, false);
    }

    /** Merges what exists, recording the missing members instead of failing. */
    public RunMerge allowingMissing() {
        return new RunMerge(shards, true);
    }

    /**
     * What a merge produced.
     *
     * @param run           the merged run
     * @param ensembleSize  members in the whole ensemble
     * @param members       global indices present in the merged arrays, ascending
     * @param missing       members not merged (empty unless partial), as FROM:TO ranges
     * @param skipped       shard directories left out because they are still running (partial merges only)
     * @param epochs        checkpoint epochs written
     */
    public record Result(RunDir run, int ensembleSize, int[] members, List<String> missing, List<Path> skipped,
                         int[] epochs) {
        public boolean complete() { return missing.isEmpty(); }

        @Override
        public String toString() {
            return "merged " + members.length + " of " + ensembleSize + " members, epochs " + Arrays.toString(epochs)
                    + " into " + run.directory() + (missing.isEmpty() ? "" : "; missing " + missing);
        }
    }

    private record Shard(Path dir, RunDir run, MemberRange range) { }

    /**
     * Merges into {@code out}, which must not hold a run yet.
     *
     * @throws IllegalArgumentException naming the shard and field, member or epoch that prevents the merge
     * @throws IllegalStateException    if {@code out} already holds a run
     */
    public Result into(Path out) {
        checkFree(out);
        List<Shard> used = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path p : shards) {
            RunDir r = RunDir.open(p);
            if (!r.isComplete()) {
                if (!partial) {
                    throw new IllegalArgumentException("shard " + p + " is not complete (status " + r.status() + ", "
                            + r.epochsDone() + " epochs done); wait for it, resume it, or merge with --partial");
                }
                skipped.add(p);
                continue;
            }
            used.add(new Shard(p, r, rangeOf(r)));
        }
        if (used.isEmpty()) {
            throw new IllegalArgumentException("none of the " + shards.size() + " shards is complete; nothing to merge");
        }
        used.sort(Comparator.comparingInt(s -> s.range().first()));
        Shard ref = used.get(0);
        for (Shard s : used) {
            checkSameRun(ref, s);
        }
        int ensembleSize = ref.range().ensembleSize();
        // duplicates: sorted by first member, any overlap is between neighbours
        for (int i = 1; i < used.size(); i++) {
            Shard a = used.get(i - 1);
            Shard b = used.get(i);
            if (b.range().first() < a.range().end()) {
                throw new IllegalArgumentException("members " + b.range().first() + ":" + Math.min(a.range().end(), b.range().end())
                        + " are in two shards, " + a.dir() + " (" + a.range() + ") and " + b.dir() + " (" + b.range()
                        + "); pass each shard once");
            }
        }
        List<String> missing = new ArrayList<>();
        int next = 0;
        for (Shard s : used) {
            if (s.range().first() > next) {
                missing.add(next + ":" + s.range().first());
            }
            next = s.range().end();
        }
        if (next < ensembleSize) {
            missing.add(next + ":" + ensembleSize);
        }
        if (!missing.isEmpty() && !partial) {
            throw new IllegalArgumentException("members " + String.join(", ", missing) + " of " + ensembleSize
                    + " are in none of the shards given; add their shard directories, or merge with --partial");
        }
        int[] epochs = ref.run().epochs();
        for (Shard s : used) {
            if (!Arrays.equals(s.run().epochs(), epochs)) {
                throw new IllegalArgumentException("shard " + s.dir() + " has checkpoints " + Arrays.toString(s.run().epochs())
                        + ", shard " + ref.dir() + " has " + Arrays.toString(epochs) + "; shards of one run checkpoint the same epochs (a shard whose members all stopped early ends"
                        + " sooner: merge the shards that agree, or train without early stopping)");
            }
        }
        int[] members = used.stream().flatMapToInt(s -> java.util.stream.IntStream.range(s.range().first(), s.range().end()))
                .toArray();
        Path parent = out.toAbsolutePath().getParent();
        String prefix = "." + out.getFileName() + ".merging-";
        deleteStaleMerges(parent, prefix);
        Path tmp;
        try {
            tmp = Files.createTempDirectory(parent, prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not create a directory next to " + out + ": " + e.getMessage(), e);
        }
        boolean done = false;
        try {
            try (RunWriter merged = RunWriter.lock(tmp)) {
                merged.start(mergedFields(ref, used, members, missing, ensembleSize));
                write(merged, used, epochs, missing.isEmpty());
            }
            checkFree(out);
            try {
                Files.move(tmp, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("could not rename the merged run " + tmp + " to " + out + ": "
                        + e.getMessage(), e);
            }
            done = true;
        } finally {
            if (!done) {
                RunLeftovers.deleteTree(tmp);
            }
        }
        return new Result(RunDir.open(out), ensembleSize, members, List.copyOf(missing), List.copyOf(skipped), epochs);
    }

    /**
     * Writes the merged run: every checkpoint's arrays and state stacked from the shards (checksums checked as
     * they are read), metrics, snapshots, status.
     */
    private static void write(RunWriter merged, List<Shard> used, int[] epochs, boolean complete) {
        Shard ref = used.get(0);
        TreeMap<Integer, List<MetricsCsv.Row>> rowsByEpoch = metricsByEpoch(used);
        for (int epoch : epochs) {
            List<Checkpoint> cps = used.stream().map(s -> s.run().checkpoint(epoch)).toList();
            Checkpoint first = cps.get(0);
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (String name : first.arrayNames()) {
                List<NpyFile> parts = new ArrayList<>();
                for (Checkpoint c : cps) {
                    if (!c.arrayNames().contains(name)) {
                        throw new IllegalArgumentException(c.directory() + " has no array '" + name + "' that "
                                + first.directory() + " has; the shards were not trained alike");
                    }
                    parts.add(c.open(name));
                }
                shapes.put(name, Npy.concatenate(merged.checkpointDir(epoch).resolve(name + ".npy"), parts).shape());
            }
            boolean state = cps.stream().allMatch(Checkpoint::hasState);
            if (state) {
                for (String name : first.stateNames()) {
                    Path target = merged.checkpointDir(epoch).resolve("state").resolve(name + ".npy");
                    if (RUN_WIDE_STATE.contains(name)) {
                        NpyArray value = first.state(name);
                        for (Checkpoint c : cps) {
                            if (!c.state(name).equals(value)) {
                                throw new IllegalArgumentException(c.directory() + ": state '" + name + "' differs from "
                                        + first.directory() + "; the shards are at different points of training");
                            }
                        }
                        Npy.write(target, value);
                    } else {
                        Npy.concatenate(target, cps.stream().map(c -> c.openState(name)).toList());
                    }
                }
            }
            merged.recordWritten(epoch, metricsCsv(rowsByEpoch, epoch), shapes, state);
        }
        mergeSnapshots(merged, used);
        int epochsDone = ref.run().epochsDone();
        merged.recordWritten(epochsDone, metricsCsv(rowsByEpoch, Integer.MAX_VALUE), null, false);
        if (complete) {
            merged.markComplete();
        } else {
            merged.updateManifest("status", new com.google.gson.JsonPrimitive("partial"));
        }
    }

    /** {@code out} must not exist, or be an empty directory. */
    private static void checkFree(Path out) {
        if (Files.exists(out.resolve("manifest.json"))) {
            throw new IllegalStateException(out + " already holds a run; merge into a new directory");
        }
        if (Files.exists(out) && !RunLeftovers.list(out).isEmpty()) {
            throw new IllegalStateException(out + " exists and is not empty; merge into a new directory");
        }
    }

    /** Deletes unfinished merges into the same output left by killed processes (their lock is free). */
    private static void deleteStaleMerges(Path parent, String prefix) {
        for (Path p : RunLeftovers.list(parent)) {
            if (p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p)) {
                RunLock lock;
                try {
                    lock = RunLock.acquire(p);
                } catch (IllegalStateException running) {
                    continue; // a merge in progress
                }
                lock.close();
                RunLeftovers.deleteTree(p);
            }
        }
    }

    private static MemberRange rangeOf(RunDir r) {
        JsonObject m = r.manifest().getAsJsonObject("members");
        if (m == null) {
            throw new IllegalArgumentException(r.directory().resolve("manifest.json") + ": no 'members' field; "
                    + "not a run written by netgauss training");
        }
        return new MemberRange(m.get("first").getAsInt(), m.get("count").getAsInt(), m.get("ensembleSize").getAsInt());
    }

    private static void checkSameRun(Shard ref, Shard s) {
        JsonObject a = ref.run().config();
        JsonObject b = s.run().config();
        for (String k : RANGE_FIELDS) {
            a.remove(k);
            b.remove(k);
        }
        java.util.SortedSet<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            if (!Objects.equals(a.get(k), b.get(k))) {
                throw new IllegalArgumentException("shard " + s.dir() + " differs from shard " + ref.dir()
                        + " in config field '" + k + "': " + b.get(k) + " vs " + a.get(k)
                        + "; only shards of the same run can be merged");
            }
        }
        JsonElement da = ref.run().manifest().get("data");
        JsonElement db = s.run().manifest().get("data");
        if (!Objects.equals(da, db)) {
            throw new IllegalArgumentException("shard " + s.dir() + " was trained on other data than shard " + ref.dir()
                    + ": " + db + " vs " + da);
        }
        if (s.range().ensembleSize() != ref.range().ensembleSize()) {
            throw new IllegalArgumentException("shard " + s.dir() + " belongs to an ensemble of " + s.range().ensembleSize()
                    + " members, shard " + ref.dir() + " to one of " + ref.range().ensembleSize());
        }
    }

    private static JsonObject mergedFields(Shard ref, List<Shard> used, int[] members, List<String> missing, int ensembleSize) {
        JsonObject manifest = ref.run().manifest();
        JsonObject fields = new JsonObject();
        JsonObject config = ref.run().config();
        config.addProperty("firstMember", members[0]);
        config.addProperty("memberCount", members.length);
        fields.add("config", config);
        for (String k : List.of("seeds", "data")) {
            if (manifest.has(k)) {
                fields.add(k, manifest.get(k));
            }
        }
        JsonObject m = new JsonObject();
        m.addProperty("ensembleSize", ensembleSize);
        m.addProperty("first", members[0]);
        m.addProperty("count", members.length);
        if (!missing.isEmpty()) {
            JsonArray idx = new JsonArray();
            for (int i : members) {
                idx.add(i);
            }
            m.add("indices", idx);
            JsonArray miss = new JsonArray();
            missing.forEach(miss::add);
            m.add("missing", miss);
        }
        fields.add("members", m);
        JsonArray from = new JsonArray();
        for (Shard s : used) {
            JsonObject o = new JsonObject();
            o.addProperty("dir", s.dir().toAbsolutePath().toString());
            o.addProperty("members", s.range().toString());
            from.add(o);
        }
        fields.add("mergedFrom", from);
        return fields;
    }

    /** The shards' metrics rows (checked) by epoch, each epoch's rows in member order. */
    private static TreeMap<Integer, List<MetricsCsv.Row>> metricsByEpoch(List<Shard> used) {
        TreeMap<Integer, List<MetricsCsv.Row>> rows = new TreeMap<>();
        for (Shard s : used) {
            for (MetricsCsv.Row r : s.run().metricsRows()) {
                rows.computeIfAbsent(r.epoch(), e -> new ArrayList<>()).add(r);
            }
        }
        for (List<MetricsCsv.Row> r : rows.values()) {
            r.sort(Comparator.comparingInt(MetricsCsv.Row::member));
        }
        return rows;
    }

    private static String metricsCsv(TreeMap<Integer, List<MetricsCsv.Row>> rows, int upToEpoch) {
        List<MetricsCsv.Row> all = new ArrayList<>();
        rows.headMap(upToEpoch, true).values().forEach(all::addAll);
        return MetricsCsv.text(all);
    }

    private static void mergeSnapshots(RunWriter merged, List<Shard> used) {
        JsonObject refManifest = used.get(0).run().manifest();
        if (!refManifest.has("snapshots")) {
            return;
        }
        JsonArray list = refManifest.getAsJsonArray("snapshots");
        for (JsonElement el : list) {
            long step = el.getAsJsonObject().get("step").getAsLong();
            List<NpyFile> parts = used.stream().map(s -> Npy.map(s.run().integrity().verify(s.run().snapshotFile(step)))).toList();
            Npy.concatenate(merged.snapshotFile(step), parts);
        }
        merged.recordSnapshots(list);
    }
}
