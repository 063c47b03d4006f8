package org.netgauss.nn;

/**
 * Settings of a plateau learning-rate scheduler with the semantics of {@code torch.optim.lr_scheduler.
 * ReduceLROnPlateau(mode='min', threshold_mode='rel', cooldown=0)}: after each epoch with metric x (the
 * member's mean training loss), x is an improvement if {@code x < best·(1 - threshold)}; then best := x and the
 * bad-epoch count resets, otherwise it increases; when it exceeds {@code patience}, lr := max(lr·factor, minLr)
 * (only if that changes lr by more than 1e-8) and the count resets. Wolinski &amp; Arbel (TMLR 2025, App. H.5):
 * threshold 0.01, patience 10, factor 1/sqrt(10).
 *
 * <p>Each member has its own scheduler state ({@link State}); members never share a learning rate.
 */
public record PlateauScheduler(double factor, int patience, double threshold, double minLr) {
    public PlateauScheduler {
        if (!(factor > 0 && factor < 1)) {
            throw new IllegalArgumentException("plateau factor must be in (0, 1), found " + factor);
        }
        if (patience < 0) {
            throw new IllegalArgumentException("plateau patience must be >= 0 epochs, found " + patience);
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new IllegalArgumentException("plateau threshold (relative) must be in [0, 1), found " + threshold);
        }
        if (!(minLr >= 0)) {
            throw new IllegalArgumentException("plateau minLr must be >= 0, found " + minLr);
        }
    }

    /** The setting of Wolinski &amp; Arbel: factor 1/sqrt(10), patience 10, threshold 0.01, no floor. */
    public static PlateauScheduler wolinskiArbel() {
        return new PlateauScheduler(1 / Math.sqrt(10), 10, 0.01, 0);
    }

    /** One member's scheduler state: best metric so far and the number of bad epochs since. */
    public record State(double best, int badEpochs) {
        public static State initial() { return new State(Double.POSITIVE_INFINITY, 0); }
    }

    /** The outcome of one scheduler step. */
    public record Step(State state, double lr) {
    }

    /** Feeds one epoch's metric; returns the new state and learning rate. */
    public Step step(State s, double metric, double lr) {
        double best = s.best();
        int bad = s.badEpochs();
        if (metric < best * (1 - threshold)) {
            best = metric;
            bad = 0;
        } else {
            bad++;
        }
        if (bad > patience) {
            double newLr = Math.max(lr * factor, minLr);
            if (lr - newLr > 1e-8) {
                lr = newLr;
            }
            bad = 0;
        }
        return new Step(new State(best, bad), lr);
    }
}
