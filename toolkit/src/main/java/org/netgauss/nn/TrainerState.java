package org.netgauss.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.NpyArray;

/**
 * Moves an {@link EnsembleTrainer}'s state to and from checkpoint arrays: the parameters W1..WL {@code [E, out,
 * in]} (b1..bL {@code [E, out]}) and, for resuming, the optimiser slots ({@code W1.exp_avg}, ...), step
 * counts, learning rates and scheduler and early-stopping state, one {@code .npy} each.
 */
final class TrainerState {
    private TrainerState() {
    }


    /** The checkpoint arrays: W1..WL {@code [E, out, in]} and, with t.biases, b1..bL {@code [E, out]}. */
    static Map<String, NpyArray> parameterArrays(EnsembleTrainer t) {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        for (int l = 1; l <= t.layers; l++) {
            a.put("W" + l, NpyArray.of(flatten(t.weights[l - 1]), t.members, t.mlp.fanOut(l), t.mlp.fanIn(l)));
        }
        if (t.mlp.bias()) {
            for (int l = 1; l <= t.layers; l++) {
                a.put("b" + l, NpyArray.of(t.biases[l - 1], t.members, t.mlp.fanOut(l)));
            }
        }
        return a;
    }

    /** Everything besides the parameters that the next step depends on. */
    static Map<String, NpyArray> stateArrays(EnsembleTrainer t) {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        String[] names = t.config().optimizer().stateNames();
        for (int s = 0; s < names.length; s++) {
            for (int l = 1; l <= t.layers; l++) {
                a.put("W" + l + "." + names[s], NpyArray.of(flatten(t.weightState[s][l - 1]), t.members, t.mlp.fanOut(l), t.mlp.fanIn(l)));
                if (t.mlp.bias()) {
                    a.put("b" + l + "." + names[s], NpyArray.of(t.biasState[s][l - 1], t.members, t.mlp.fanOut(l)));
                }
            }
        }
        double[] pBest = new double[t.members];
        int[] pBad = new int[t.members];
        double[] sBest = new double[t.members];
        int[] sBad = new int[t.members];
        int[] stopped = new int[t.members];
        for (int m = 0; m < t.members; m++) {
            pBest[m] = t.plateau[m].best();
            pBad[m] = t.plateau[m].badEpochs();
            sBest[m] = t.stopping[m].best();
            sBad[m] = t.stopping[m].badEpochs();
            stopped[m] = t.stopping[m].stopped() ? 1 : 0;
        }
        a.put("steps", NpyArray.of(t.steps, t.members));
        a.put("lr", NpyArray.of(t.lr, t.members));
        a.put("plateau_best", NpyArray.of(pBest, t.members));
        a.put("plateau_bad", NpyArray.of(pBad, t.members));
        a.put("stop_best", NpyArray.of(sBest, t.members));
        a.put("stop_bad", NpyArray.of(sBad, t.members));
        a.put("stopped", NpyArray.of(stopped, t.members));
        a.put("epoch", NpyArray.of(new int[] {t.epoch}, 1));
        return a;
    }

    /** A trainer continuing from a checkpoint that keeps state (bit-identical to never having stopped). */
    static EnsembleTrainer restore(EnsembleTrainer t, Checkpoint cp) {
        TrainingConfig config = t.config();
        for (int l = 1; l <= t.layers; l++) {
            copyRowsInto(cp.weights("W" + l), t.weights[l - 1], "W" + l, cp);
            if (t.mlp.bias()) {
                copyInto(cp.weights("b" + l), t.biases[l - 1], "b" + l, cp);
            }
        }
        String[] names = config.optimizer().stateNames();
        for (int s = 0; s < names.length; s++) {
            for (int l = 1; l <= t.layers; l++) {
                copyRowsInto(cp.state("W" + l + "." + names[s]), t.weightState[s][l - 1], "state W" + l + "." + names[s], cp);
                if (t.mlp.bias()) {
                    copyInto(cp.state("b" + l + "." + names[s]), t.biasState[s][l - 1], "state b" + l + "." + names[s], cp);
                }
            }
        }
        long[] steps = cp.state("steps").longs();
        double[] lr = cp.state("lr").doubles();
        double[] pBest = cp.state("plateau_best").doubles();
        int[] pBad = cp.state("plateau_bad").ints();
        double[] sBest = cp.state("stop_best").doubles();
        int[] sBad = cp.state("stop_bad").ints();
        int[] stopped = cp.state("stopped").ints();
        if (steps.length != t.members) {
            throw new IllegalArgumentException(cp.directory() + ": state holds " + steps.length + " members, the config "
                    + t.members + "; the run directory belongs to another member range");
        }
        for (int m = 0; m < t.members; m++) {
            t.steps[m] = steps[m];
            t.lr[m] = lr[m];
            t.plateau[m] = new PlateauScheduler.State(pBest[m], pBad[m]);
            t.stopping[m] = new EarlyStopping.State(sBest[m], sBad[m], stopped[m] != 0);
        }
        t.epoch = cp.state("epoch").ints()[0];
        if (t.epoch != cp.epoch()) {
            throw new IllegalArgumentException(cp.directory() + ": state says epoch " + t.epoch + ", directory epoch "
                    + cp.epoch() + "; the run directory is inconsistent");
        }
        t.checkFinite("restoring " + cp.directory());
        return t;
    }

    private static void copyRowsInto(NpyArray a, float[][] rows, String what, Checkpoint cp) {
        int in = rows[0].length;
        float[] flat = new float[rows.length * in];
        copyInto(a, flat, what, cp);
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(flat, r * in, rows[r], 0, in);
        }
    }

    /** The rows one after another: the {@code [members, out, in]} C-order array. */
    static float[] flatten(float[][] rows) {
        int in = rows[0].length;
        float[] flat = new float[rows.length * in];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(rows[r], 0, flat, r * in, in);
        }
        return flat;
    }

    private static void copyInto(NpyArray a, float[] dest, String what, Checkpoint cp) {
        if (a.dtype() != org.netgauss.store.DType.FLOAT32 || a.size() != dest.length) {
            throw new IllegalArgumentException(cp.directory() + ": " + what + " is " + a + ", expected float32 with "
                    + dest.length + " elements; the run directory does not match the config");
        }
        System.arraycopy(a.floats(), 0, dest, 0, dest.length);
    }
}
