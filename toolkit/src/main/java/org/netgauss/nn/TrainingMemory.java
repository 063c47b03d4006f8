package org.netgauss.nn;

import java.util.Locale;
import org.netgauss.data.Dataset;

/**
 * The memory a training run will allocate, estimated from its config before anything is allocated or written,
 * so that a size the machine cannot hold ({@code batchSize: 2147483647}, {@code widths: [784, 1000000000, 10]},
 * {@code ensembleSize: 2000000000}) is refused with one line instead of an {@link OutOfMemoryError} half-way
 * through creating the run.
 *
 * <p>What {@link EnsembleTrainer} holds: the parameters and the optimiser's state slots, {@code 4 (1 + slots) P}
 * bytes for {@code P} parameters of all members, copied once more when a checkpoint is written; one workspace
 * per concurrently trained member (activations, pre-activations and gradients of a minibatch, about
 * {@code 4 B (w0 + 2 Σ w + 2 max w) + 16 B w_L} bytes for batch size {@code B}); the probabilities of the
 * snapshot set {@code 4 E S C}. Any single array must also have fewer than {@code 2^31 - 8} elements. Estimates
 * are upper bounds up to padding; the check leaves the JVM's current use aside.
 */
final class TrainingMemory {
    /** The largest array the JVM allocates. */
    private static final double MAX_ARRAY = Integer.MAX_VALUE - 8;

    private TrainingMemory() {
    }

    /** Bytes the trainer needs with {@code threads} threads (double: the sizes refused may overflow a long). */
    static double bytes(TrainingConfig c, int threads, Dataset snapshots) {
        Mlp mlp = c.mlp();
        int[] w = mlp.widths();
        double members = c.memberCount();
        double perMember = 0;
        for (int l = 1; l < w.length; l++) {
            perMember += (double) w[l] * w[l - 1] + (mlp.bias() ? w[l] : 0) + 4.0 * w[l]; // + a row array's header
        }
        double slots = c.optimizer().stateSlots();
        double parameters = 4 * (1 + slots) * members * perMember * 2; // the trainer's arrays and a checkpoint's copy
        return parameters + workspace(c) * Math.min(threads, members) + probabilities(c, snapshots);
    }

    private static double workspace(TrainingConfig c) {
        int[] w = c.mlp().widths();
        double b = c.batchSize();
        double sum = 0;
        double max = 0;
        for (int x : w) {
            sum += x;
            max = Math.max(max, x);
        }
        return 4 * b * (w[0] + 2 * sum + 2 * max + 1) + 16 * b * w[w.length - 1] + 4 * max * max + 4.0 * w[0] * w[1];
    }

    private static double probabilities(TrainingConfig c, Dataset snapshots) {
        return snapshots == null ? 0 : 4.0 * c.memberCount() * snapshots.size() * c.mlp().outputs();
    }

    /**
     * Refuses a config whose arrays cannot be allocated in this JVM.
     *
     * @throws IllegalArgumentException one line: what is too large, how much it needs and how much there is
     */
    static void check(TrainingConfig c, int threads, Dataset snapshots) {
        int[] w = c.mlp().widths();
        double members = c.memberCount();
        for (int l = 1; l < w.length; l++) {
            double elements = members * w[l] * w[l - 1];
            if (elements > MAX_ARRAY) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "layer W%d of %d members has %.3g weights,"
                        + " more than one array holds (2^31 - 8); use fewer members per process (--members) or a"
                        + " narrower layer", l, c.memberCount(), elements));
            }
        }
        double b = c.batchSize();
        if (b * w[w.length - 1] > MAX_ARRAY || b * w[0] > MAX_ARRAY) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "batchSize %d is too large: a minibatch of"
                    + " %d x %d would exceed the largest array (2^31 - 8 elements)", c.batchSize(), c.batchSize(),
                    Math.max(w[0], w[w.length - 1])));
        }
        double need = bytes(c, threads, snapshots);
        Runtime rt = Runtime.getRuntime();
        double free = rt.maxMemory() - (double) (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "training %d members of %s with batch size %d"
                    + " needs about %s of memory, this JVM has %s free (of -Xmx %s); use fewer members per process"
                    + " (--members), a smaller batch or narrower layers, or raise -Xmx (NETGAUSS_JAVA_OPTS)",
                    c.memberCount(), java.util.Arrays.toString(w), c.batchSize(), gb(need), gb(free), gb(rt.maxMemory())));
        }
    }

    private static String gb(double bytes) {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.3g GB", bytes / 1e9)
                : String.format(Locale.ROOT, "%.3g MB", bytes / 1e6);
    }
}
