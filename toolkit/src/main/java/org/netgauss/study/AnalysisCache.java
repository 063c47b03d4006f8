package org.netgauss.study;

import org.netgauss.store.RunDir;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import org.netgauss.store.internal.AtomicFiles;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A per-checkpoint analysis table kept beside a run, in {@code <run>/analysis/<name>.csv}, so that re-running a
 * notebook does not refit. Every row carries an {@code epoch}; the rows of epochs not yet in the file are computed
 * and appended, the file is rewritten atomically, and the rows of the requested epochs are returned in epoch order
 * (in their computed order within an epoch).
 *
 * <p>Column types on reading: {@code epoch} and {@code D} are integers, the columns named in {@code textColumns}
 * are strings, every other column is a double — the computed tables must use the same types.
 */
public final class AnalysisCache {
    private AnalysisCache() {
    }

    /** The cache file of analysis {@code name} in {@code run}. */
    public static Path file(RunDir run, String name) {
        return run.directory().resolve("analysis").resolve(name + ".csv");
    }

    /**
     * The rows for {@code epochs}, computing ({@code computeEpoch.apply(e)}) only the epochs missing from the cache.
     *
     * @throws IllegalArgumentException if a computed table has no {@code epoch} column
     */
    public static Table rows(RunDir run, String name, int[] epochs, Set<String> textColumns, IntFunction<Table> computeEpoch) {
        return rows(run, name, epochs, textColumns, t -> true, computeEpoch);
    }

    /**
     * As {@link #rows(RunDir, String, int[], Set, IntFunction)}, but the cached rows of an epoch are reused only if
     * {@code valid} accepts them (e.g. they cover the requested layers); otherwise that epoch is recomputed.
     */
    public static Table rows(RunDir run, String name, int[] epochs, Set<String> textColumns,
                             java.util.function.Predicate<Table> valid, IntFunction<Table> computeEpoch) {
        Path f = file(run, name);
        Table cached = Files.isRegularFile(f) ? read(f, textColumns) : null;
        Set<Integer> have = new TreeSet<>();
        boolean changed = false;
        if (cached != null) {
            Set<Integer> stale = new TreeSet<>();
            for (int e : new TreeSet<>(cached.intColumn("epoch").asList())) {
                (valid.test(cached.where(cached.intColumn("epoch").isEqualTo(e))) ? have : stale).add(e);
            }
            if (!stale.isEmpty()) {
                cached = cached.where(cached.intColumn("epoch").isNotIn(stale.stream().mapToInt(Integer::intValue).toArray()));
                changed = true;
            }
        }
        Table all = cached;
        for (int e : epochs) {
            if (have.contains(e)) {
                continue;
            }
            Table t = computeEpoch.apply(e);
            if (!t.columnNames().contains("epoch")) {
                throw new IllegalArgumentException("analysis " + name + ": computed rows need an int column 'epoch', found "
                        + t.columnNames());
            }
            all = all == null ? t.copy() : all.append(t);
            have.add(e);
            changed = true;
        }
        if (all == null) {
            throw new IllegalArgumentException("analysis " + name + ": no epochs requested and no cache at " + f);
        }
        if (changed) {
            write(f, all);
        }
        // epoch by epoch rather than a sort, so rows keep their order within an epoch
        int[] wanted = Arrays.stream(epochs).distinct().sorted().toArray();
        Table out = all.emptyCopy();
        for (int e : wanted) {
            out.append(all.where(all.intColumn("epoch").isEqualTo(e)));
        }
        return out.setName(name);
    }

    /** Reads an analysis CSV with the column-type convention above (also for committed results files). */
    public static Table read(Path f, Set<String> textColumns) {
        try {
            return Table.read().usingOptions(CsvReadOptions.builder(f.toFile()).columnTypes(col ->
                    col.equals("epoch") || col.equals("D") ? ColumnType.INTEGER
                            : textColumns.contains(col) ? ColumnType.STRING : ColumnType.DOUBLE));
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(f + ": cannot read analysis table (" + e.getMessage()
                    + "); delete the file to recompute it", e));
        }
    }

    private static void write(Path f, Table t) {
        try {
            Files.createDirectories(f.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + f.getParent(), e);
        }
        java.io.StringWriter w = new java.io.StringWriter();
        t.write().csv(w);
        AtomicFiles.writeString(f, w.toString());
    }
}
