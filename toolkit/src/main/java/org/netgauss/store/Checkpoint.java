package org.netgauss.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One complete checkpoint of a run: the directory {@code checkpoints/epoch-XXX/} holding one {@code .npy} per
 * array — {@code W1.npy .. WL.npy} of shape {@code [E, out, in]} float32 (row i = output neuron i, PyTorch
 * orientation), {@code b1.npy ..} of shape {@code [E, out]} if the network has biases, optionally
 * {@code probabilities.npy} {@code [E, S, C]} — and, for the latest checkpoint only, the optimiser and
 * scheduler state under {@code state/}. Epoch 0 is the initialisation. Every array is checked against the length
 * and CRC-32C the manifest recorded for it when it is read; damage is reported naming the file.
 */
public final class Checkpoint {
    private final Path dir;
    private final int epoch;
    private final Map<String, int[]> arrays;
    private final boolean hasState;
    private final FileIntegrity integrity;

    Checkpoint(Path dir, int epoch, Map<String, int[]> arrays, boolean hasState, FileIntegrity integrity) {
        this.dir = dir;
        this.epoch = epoch;
        this.arrays = arrays;
        this.hasState = hasState;
        this.integrity = integrity;
    }

    public int epoch() { return epoch; }

    public Path directory() { return dir; }

    /** Names of the arrays in this checkpoint, e.g. W1, W2, W3, W4, probabilities. */
    public List<String> arrayNames() {
        List<String> names = new ArrayList<>(arrays.keySet());
        Collections.sort(names);
        return names;
    }

    /** The arrays of this checkpoint as a table: name, shape, dtype (file headers only; no array is loaded). */
    public tech.tablesaw.api.Table toTable() {
        List<String> names = arrayNames();
        List<String> shapes = new ArrayList<>();
        List<String> dtypes = new ArrayList<>();
        for (String n : names) {
            shapes.add(java.util.Arrays.toString(shape(n)));
            dtypes.add(Npy.readHeader(path(n)).dtype().descr());
        }
        return tech.tablesaw.api.Table.create("checkpoint at epoch " + epoch,
                tech.tablesaw.api.StringColumn.create("array", names),
                tech.tablesaw.api.StringColumn.create("shape", shapes),
                tech.tablesaw.api.StringColumn.create("dtype", dtypes));
    }

    /** Whether optimiser state (for resuming) is stored with this checkpoint. */
    public boolean hasState() { return hasState; }

    /**
     * The ensemble array {@code name}, e.g. {@code weights("W2")} gives {@code [E, out, in]}.
     *
     * @throws IllegalArgumentException naming the checkpoint and the arrays it has, if there is no such array,
     *                                  or naming the file if it is damaged
     */
    public NpyArray weights(String name) {
        return array(name);
    }

    /**
     * The ensemble array {@code name} as a view read member by member ({@link NpyFile}), for checkpoints larger
     * than memory: {@code checkpoint.open("W2").matrix(e)}. The file's checksum is checked first (one pass).
     */
    public NpyFile open(String name) {
        int[] shape = arrays.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("checkpoint epoch " + epoch + " in " + dir + " has no array '" + name
                    + "'; it has " + arrayNames());
        }
        return Npy.map(integrity.verify(path(name)));
    }

    /** The file of array {@code name}, {@code checkpoints/epoch-XXX/name.npy}. */
    public Path path(String name) {
        return dir.resolve(name + ".npy");
    }

    /** The shape of array {@code name} as the manifest records it. */
    public int[] shape(String name) {
        int[] shape = arrays.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("checkpoint epoch " + epoch + " in " + dir + " has no array '" + name
                    + "'; it has " + arrayNames());
        }
        return shape.clone();
    }

    /** Names of the optimiser-state arrays kept with this checkpoint (empty without state). */
    public List<String> stateNames() {
        if (!hasState) {
            return List.of();
        }
        try (var s = Files.list(dir.resolve("state"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not list " + dir.resolve("state") + ": " + e.getMessage(), e);
        }
    }

    /** The predicted probabilities {@code [E, S, C]} on the run's snapshot subset. */
    public NpyArray probabilities() {
        return array("probabilities");
    }

    /** Any array of this checkpoint by name. */
    public NpyArray array(String name) {
        int[] shape = arrays.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("checkpoint epoch " + epoch + " in " + dir + " has no array '" + name
                    + "'; it has " + arrayNames());
        }
        NpyArray a = Npy.read(integrity.verify(dir.resolve(name + ".npy")));
        if (!java.util.Arrays.equals(a.shape(), shape)) {
            throw new IllegalArgumentException(dir.resolve(name + ".npy") + ": shape " + java.util.Arrays.toString(a.shape())
                    + " differs from the manifest's " + java.util.Arrays.toString(shape) + "; the run directory is inconsistent");
        }
        return a;
    }

    /** A state array (optimiser moments, step counts, scheduler state) saved for resuming. */
    public NpyArray state(String name) {
        if (!hasState) {
            throw new IllegalStateException("checkpoint epoch " + epoch + " in " + dir
                    + " keeps no optimiser state (only the latest checkpoint does)");
        }
        return Npy.read(integrity.verify(statePath(name)));
    }

    /** A state array as a view read member by member, after checking its checksum. */
    NpyFile openState(String name) {
        return Npy.map(integrity.verify(statePath(name)));
    }

    private Path statePath(String name) {
        return dir.resolve("state").resolve(name + ".npy");
    }

    /** Checks that every array file exists and its header and length match the manifest; names the first bad file. */
    public void verify() {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("checkpoint directory " + dir + " is missing; the run directory is damaged");
        }
        for (Map.Entry<String, int[]> e : arrays.entrySet()) {
            Path f = dir.resolve(e.getKey() + ".npy");
            Npy.Header h = Npy.readHeader(f);
            if (!java.util.Arrays.equals(h.shape(), e.getValue())) {
                throw new IllegalArgumentException(f + ": shape " + java.util.Arrays.toString(h.shape())
                        + " differs from the manifest's " + java.util.Arrays.toString(e.getValue()));
            }
        }
    }

    @Override
    public String toString() {
        return "Checkpoint[epoch " + epoch + ", " + arrayNames() + (hasState ? ", with state" : "") + "]";
    }
}
