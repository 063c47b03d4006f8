package org.netgauss.store;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.netgauss.store.internal.AtomicFiles;

/**
 * What a killed writer may leave in a run directory besides what its manifest lists, and its removal (by the
 * next writer, under the lock): temporary files of interrupted atomic writes, checkpoint directories and
 * snapshots written after the last manifest, {@code state/} directories of checkpoints that no longer keep
 * state, and {@code metrics.csv} rows past the committed prefix.
 */
final class RunLeftovers {
    /** Names a run owns at the top of its directory; a restart deletes these and nothing else. */
    private static final List<String> OWNED = List.of(Manifest.FILE, FileIntegrity.METRICS, "checkpoints", "snapshots");

    private RunLeftovers() {
    }

    /** Whether {@code name}, at the top of a directory, is something a run writes. */
    static boolean isRunFile(String name) {
        return OWNED.contains(name) || name.equals(RunLock.FILE) || AtomicFiles.isTemporary(name);
    }

    /** Removes every leftover of the run {@code r} (whose manifest is the truth). */
    static void clean(RunDir r) {
        Path dir = r.directory();
        deleteTemporaries(dir);
        Set<Path> listed = new HashSet<>();
        Set<Path> withState = new HashSet<>();
        for (JsonElement el : r.manifest().getAsJsonArray("checkpoints")) {
            JsonObject o = el.getAsJsonObject();
            Path cp = r.checkpointDir(o.get("epoch").getAsInt());
            listed.add(cp);
            if (o.get("state").getAsBoolean()) {
                withState.add(cp);
            }
        }
        for (Path cp : list(dir.resolve("checkpoints"))) {
            if (!listed.contains(cp)) {
                deleteTree(cp);
            } else if (!withState.contains(cp)) {
                deleteTree(cp.resolve("state"));
            }
        }
        Set<Path> snaps = new HashSet<>();
        for (long s : r.snapshotSteps()) {
            snaps.add(r.snapshotFile(s));
        }
        for (Path s : list(dir.resolve("snapshots"))) {
            if (!snaps.contains(s)) {
                deleteTree(s);
            }
        }
        long committed = r.integrity().metricsBytes();
        Path metrics = dir.resolve(FileIntegrity.METRICS);
        try {
            if (committed >= 0 && Files.size(metrics) > committed) {
                r.integrity().verify(metrics);
                byte[] b = java.util.Arrays.copyOf(Files.readAllBytes(metrics), (int) committed);
                AtomicFiles.write(metrics, out -> out.write(b));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + metrics + ": " + e.getMessage(), e);
        }
    }

    /** Deletes all a run owns in {@code dir} (the manifest first), keeping the lock and any other file. */
    static void deleteOwned(Path dir) {
        // the manifest first: once it is gone, a kill mid-way leaves a directory that is simply started again
        for (String name : OWNED) {
            deleteTree(dir.resolve(name));
        }
        deleteTemporaries(dir);
    }

    private static void deleteTemporaries(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(p -> AtomicFiles.isTemporary(p.getFileName().toString()))::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean temporary files in " + root + ": " + e.getMessage(), e);
        }
    }

    /** The entries of directory {@code d} but temporary files, sorted (empty if {@code d} does not exist). */
    static List<Path> list(Path d) {
        if (!Files.isDirectory(d)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> !AtomicFiles.isTemporary(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + d + ": " + e.getMessage(), e);
        }
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(q);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + p + ": " + e.getMessage(), e);
        }
    }
}
