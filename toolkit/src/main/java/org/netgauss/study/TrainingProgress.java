package org.netgauss.study;

import org.netgauss.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.netgauss.data.Dataset;
import org.netgauss.nn.EpochMetrics;
import org.netgauss.nn.Training;
import org.netgauss.store.RunDir;

/**
 * Runs a {@link Training} with a {@link Progress} bar over its epochs: updated in place in a notebook cell, a
 * rewritten line on a terminal, plain lines in a log. The bar lives here rather than in {@code nn} so that the
 * engine knows nothing of displays.
 *
 * <pre>{@code
 * RunDir run = TrainingProgress.run(Training.of(config).withValidation(mnist.test()), mnist.train(),
 *         Path.of("runs/pigmm-gaussian"));
 * run.epochSummary()          // a Table that renders in the cell: mean loss and accuracies per epoch
 * }</pre>
 */
public final class TrainingProgress {
    private TrainingProgress() { }

    /**
     * Trains (or resumes) into {@code dir} like {@link Training#run}, stepping a progress bar after every epoch
     * with the members' mean training loss and validation accuracy.
     */
    public static RunDir run(Training training, Dataset train, Path dir) {
        int from = 0;
        if (Files.exists(dir.resolve("manifest.json"))) {
            from = Math.max(0, RunDir.open(dir).resumableEpoch());
        }
        int planned = Math.max(0, training.lastEpoch() - from);
        String label = "train " + dir.getFileName() + " (" + training.config().memberCount() + " members)";
        try (Progress bar = Progress.start(label, planned)) {
            return training.alsoCalling(m -> bar.step(status(m))).run(train, dir);
        }
    }

    /** "epoch 3, mean loss 0.4123, mean val acc 0.8812": the status line shown beside the bar. */
    public static String status(EpochMetrics m) {
        double acc = Arrays.stream(m.validationAccuracy()).filter(Double::isFinite).average().orElse(Double.NaN);
        return String.format(Locale.ROOT, "epoch %d, mean loss %.4f%s", m.epoch(), m.meanTrainLoss(),
                Double.isNaN(acc) ? "" : String.format(Locale.ROOT, ", mean val acc %.4f", acc));
    }
}
