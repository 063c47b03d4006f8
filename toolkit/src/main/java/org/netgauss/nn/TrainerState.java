package org.netgauss.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.NpyArray;

/**
 * Moves an {@link EnsembleState} to and from checkpoint arrays: the parameters W1..WL {@code [E, out,
 * in]} (b1..bL {@code [E, out]}) and, for resuming, the optimiser slots ({@code W1.exp_avg}, ...), step
 * counts, learning rates and scheduler and early-stopping state, one {@code .npy} each.
 */
final class TrainerState {
    private TrainerState() {
    }


    /** The checkpoint arrays: W1..WL {@code [E, out, in]} and, with biases, b1..bL {@code [E, out]}. */
    static Map<String, NpyArray> parameterArrays(EnsembleState t) {
        Mlp mlp = t.config().mlp();
        int members = t.members();
        Map<String, NpyArray> a = new LinkedHashMap<>();
        for (int l = 1; l <= mlp.layers(); l++) {
            a.put("W" + l, NpyArray.of(flatten(t.weights(l - 1)), members, mlp.fanOut(l), mlp.fanIn(l)));
        }
        if (mlp.bias()) {
            for (int l = 1; l <= mlp.layers(); l++) {
                a.put("b" + l, NpyArray.of(t.biases(l - 1), members, mlp.fanOut(l)));
            }
        }
        return a;
    }

    /** Everything besides the parameters that the next step depends on. */
    static Map<String, NpyArray> stateArrays(EnsembleState t) {
        Mlp mlp = t.config().mlp();
        int members = t.members();
        Map<String, NpyArray> a = new LinkedHashMap<>();
        String[] names = t.config().optimizer().stateNames();
        for (int s = 0; s < names.length; s++) {
            for (int l = 1; l <= mlp.layers(); l++) {
                a.put("W" + l + "." + names[s], NpyArray.of(flatten(t.weightSlot(s, l - 1)), members, mlp.fanOut(l), mlp.fanIn(l)));
                if (mlp.bias()) {
                    a.put("b" + l + "." + names[s], NpyArray.of(t.biasSlot(s, l - 1), members, mlp.fanOut(l)));
                }
            }
        }
        double[] pBest = new double[members];
        int[] pBad = new int[members];
        double[] sBest = new double[members];
        int[] sBad = new int[members];
        int[] stopped = new int[members];
        for (int m = 0; m < members; m++) {
            pBest[m] = t.plateau(m).best();
            pBad[m] = t.plateau(m).badEpochs();
            sBest[m] = t.stopping(m).best();
            sBad[m] = t.stopping(m).badEpochs();
            stopped[m] = t.stopping(m).stopped() ? 1 : 0;
        }
        a.put("steps", NpyArray.of(t.allSteps(), members));
        a.put("lr", NpyArray.of(t.allLr(), members));
        a.put("plateau_best", NpyArray.of(pBest, members));
        a.put("plateau_bad", NpyArray.of(pBad, members));
        a.put("stop_best", NpyArray.of(sBest, members));
        a.put("stop_bad", NpyArray.of(sBad, members));
        a.put("stopped", NpyArray.of(stopped, members));
        a.put("epoch", NpyArray.of(new int[] {t.epoch()}, 1));
        return a;
    }

    /** Restores {@code t} from a checkpoint that keeps state (bit-identical to never having stopped). */
    static void restore(EnsembleState t, Checkpoint cp) {
        TrainingConfig config = t.config();
        Mlp mlp = config.mlp();
        int members = t.members();
        for (int l = 1; l <= mlp.layers(); l++) {
            copyRowsInto(cp.weights("W" + l), t.weights(l - 1), "W" + l, cp);
            if (mlp.bias()) {
                copyInto(cp.weights("b" + l), t.biases(l - 1), "b" + l, cp);
            }
        }
        String[] names = config.optimizer().stateNames();
        for (int s = 0; s < names.length; s++) {
            for (int l = 1; l <= mlp.layers(); l++) {
                copyRowsInto(cp.state("W" + l + "." + names[s]), t.weightSlot(s, l - 1), "state W" + l + "." + names[s], cp);
                if (mlp.bias()) {
                    copyInto(cp.state("b" + l + "." + names[s]), t.biasSlot(s, l - 1), "state b" + l + "." + names[s], cp);
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
        if (steps.length != members) {
            throw new IllegalArgumentException(cp.directory() + ": state holds " + steps.length + " members, the config "
                    + members + "; the run directory belongs to another member range");
        }
        for (int m = 0; m < members; m++) {
            t.setSteps(m, steps[m]);
            t.setLr(m, lr[m]);
            t.setPlateau(m, new PlateauScheduler.State(pBest[m], pBad[m]));
            t.setStopping(m, new EarlyStopping.State(sBest[m], sBad[m], stopped[m] != 0));
        }
        int epoch = cp.state("epoch").ints()[0];
        if (epoch != cp.epoch()) {
            throw new IllegalArgumentException(cp.directory() + ": state says epoch " + epoch + ", directory epoch "
                    + cp.epoch() + "; the run directory is inconsistent");
        }
        t.setEpoch(epoch);
        t.checkFinite("restoring " + cp.directory());
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
