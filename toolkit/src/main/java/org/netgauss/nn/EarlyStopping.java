package org.netgauss.nn;

/**
 * Early stopping on the validation loss, per member: an epoch improves if {@code loss < best·(1 - minRelImprovement)};
 * a member stops (its weights freeze and later checkpoints repeat them) after {@code patience} epochs in a row
 * without improvement. Wolinski &amp; Arbel (TMLR 2025, App. H.5): minRelImprovement 0.001, patience 30.
 */
public record EarlyStopping(int patience, double minRelImprovement) {
    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("early-stopping patience must be >= 1 epoch, found " + patience);
        }
        if (!(minRelImprovement >= 0 && minRelImprovement < 1)) {
            throw new IllegalArgumentException("early-stopping minRelImprovement must be in [0, 1), found " + minRelImprovement);
        }
    }

    /** The setting of Wolinski &amp; Arbel: patience 30, relative improvement 0.001. */
    public static EarlyStopping wolinskiArbel() {
        return new EarlyStopping(30, 0.001);
    }

    /** One member's state. */
    public record State(double best, int badEpochs, boolean stopped) {
        public static State initial() { return new State(Double.POSITIVE_INFINITY, 0, false); }
    }

    /** Feeds one epoch's validation loss. */
    public State step(State s, double validationLoss) {
        if (s.stopped()) {
            return s;
        }
        if (validationLoss < s.best() * (1 - minRelImprovement)) {
            return new State(validationLoss, 0, false);
        }
        int bad = s.badEpochs() + 1;
        return new State(s.best(), bad, bad >= patience);
    }
}
