package org.netgauss.nn;

import java.util.Arrays;

/**
 * Everything an ensemble's training carries from one step to the next: each member's weights and biases, the
 * optimiser's state slots for them (Adam's two moments, SGD's momentum buffer), its step count and learning
 * rate, and its plateau-scheduler and early-stopping state, plus the epochs completed. A checkpoint with state
 * is exactly this ({@link TrainerState}), so a run restored from one continues bit for bit.
 *
 * <p>Layout: per layer {@code l} (0-based, {@code W_{l+1}}) one array per (member, output neuron) row, index
 * {@code member * out + j}, so the optimiser's loop over a row vectorises; biases flat {@code [members * out]}.
 * Not thread-safe; each training thread touches only its own members' rows.
 */
final class EnsembleState {
    private final TrainingConfig config;
    private final Mlp mlp;
    private final int members;
    private final float[][][] weights;
    private final float[][] biases;
    // [slot][layer]
    private final float[][][][] weightState;
    private final float[][][] biasState;
    private final long[] steps;
    private final double[] lr;
    private final PlateauScheduler.State[] plateau;
    private final EarlyStopping.State[] stopping;
    private int epoch;

    /** Zero weights and optimiser state, the optimiser's learning rate, fresh schedulers, epoch 0. */
    EnsembleState(TrainingConfig config) {
        this.config = config;
        this.mlp = config.mlp();
        this.members = config.memberCount();
        int layers = mlp.layers();
        weights = new float[layers][][];
        biases = new float[layers][];
        int slots = config.optimizer().stateSlots();
        weightState = new float[slots][layers][][];
        biasState = new float[slots][layers][];
        for (int l = 0; l < layers; l++) {
            int out = mlp.fanOut(l + 1);
            int in = mlp.fanIn(l + 1);
            Math.multiplyExact(Math.multiplyExact(members, out), in); // fits the flat .npy arrays
            weights[l] = new float[members * out][in];
            biases[l] = mlp.bias() ? new float[members * out] : null;
            for (int s = 0; s < slots; s++) {
                weightState[s][l] = new float[members * out][in];
                biasState[s][l] = mlp.bias() ? new float[biases[l].length] : null;
            }
        }
        steps = new long[members];
        lr = new double[members];
        Arrays.fill(lr, config.optimizer().lr());
        plateau = new PlateauScheduler.State[members];
        Arrays.fill(plateau, PlateauScheduler.State.initial());
        stopping = new EarlyStopping.State[members];
        Arrays.fill(stopping, EarlyStopping.State.initial());
    }

    TrainingConfig config() { return config; }

    int members() { return members; }

    /** The rows of layer {@code layer} (0-based): row {@code member * out + j} is neuron j's incoming weights. */
    float[][] weights(int layer) { return weights[layer]; }

    /** The biases of layer {@code layer} (0-based), {@code [members * out]}, or null without biases. */
    float[] biases(int layer) { return biases[layer]; }

    /** The optimiser's state slot {@code slot} of layer {@code layer}'s weight rows. */
    float[][] weightSlot(int slot, int layer) { return weightState[slot][layer]; }

    /** The optimiser's state slot {@code slot} of layer {@code layer}'s biases. */
    float[] biasSlot(int slot, int layer) { return biasState[slot][layer]; }

    /** All state slots of layer {@code layer}'s biases, as the optimiser takes them. */
    float[][] biasSlots(int layer) {
        float[][] s = new float[biasState.length][];
        for (int i = 0; i < s.length; i++) {
            s[i] = biasState[i][layer];
        }
        return s;
    }

    /** The optimiser's number of state slots. */
    int slots() { return weightState.length; }

    /** Optimiser steps member {@code m} has taken. */
    long steps(int m) { return steps[m]; }

    void countStep(int m) { steps[m]++; }

    void setSteps(int m, long s) { steps[m] = s; }

    /** Member {@code m}'s current learning rate. */
    double lr(int m) { return lr[m]; }

    void setLr(int m, double v) { lr[m] = v; }

    PlateauScheduler.State plateau(int m) { return plateau[m]; }

    void setPlateau(int m, PlateauScheduler.State s) { plateau[m] = s; }

    EarlyStopping.State stopping(int m) { return stopping[m]; }

    void setStopping(int m, EarlyStopping.State s) { stopping[m] = s; }

    /** Epochs completed. */
    int epoch() { return epoch; }

    void setEpoch(int e) { epoch = e; }

    /** A copy of all step counts / learning rates, by member. */
    long[] allSteps() { return steps.clone(); }

    double[] allLr() { return lr.clone(); }

    /**
     * Fails naming the layer and member if any weight is NaN or infinite.
     *
     * @throws IllegalStateException saying what to try
     */
    void checkFinite(String when) {
        for (int l = 0; l < weights.length; l++) {
            int out = mlp.fanOut(l + 1);
            float[][] w = weights[l];
            for (int r = 0; r < w.length; r++) {
                for (float v : w[r]) {
                    if (!Float.isFinite(v)) {
                        throw new IllegalStateException("W" + (l + 1) + " of member " + (config.firstMember() + r / out)
                                + " holds " + v + " after " + when + "; lower the learning rate or check the initialisation");
                    }
                }
            }
        }
    }
}
