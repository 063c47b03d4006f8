package org.netgauss.study;

import java.util.Objects;
import org.netgauss.data.Dataset;
import org.netgauss.data.Mnist;
import org.netgauss.data.PixelScale;
import org.netgauss.data.Synthetic;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;

/**
 * A training job read from a config file ({@link TrainConfigFile}): the engine's {@link TrainingConfig} plus
 * where the data come from, with the profile's sizes already picked.
 *
 * @param name      a label for progress and the summary
 * @param config    everything that determines the weights
 * @param data      the data source
 * @param profile   the profile whose sizes were used (smoke, quick or paper)
 */
public record TrainJob(String name, TrainingConfig config, Data data, String profile) {
    public TrainJob {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(data, "data");
    }

    /**
     * The training of {@code config} (this job's, or one with overrides) on {@code sets}: their validation and
     * snapshot sets, and the probability snapshot steps the data section asks for (Mao et al.'s schedule for the
     * training set's batches and the epochs, docs/spec/hyperribbon.md §4.2, or the listed steps).
     */
    public Training training(TrainingConfig config, Sets sets) {
        Training t = Training.of(config).withValidation(sets.validation()).withSnapshots(sets.snapshots());
        if (data.maoSchedule()) {
            int batches = (sets.train().size() + config.batchSize() - 1) / config.batchSize();
            return t.withProbabilitySteps(Training.maoSchedule(batches, config.epochs()));
        }
        return data.snapshotSteps().length > 0 ? t.withProbabilitySteps(data.snapshotSteps()) : t;
    }

    /** The three data sets a run uses; validation and snapshots may be null. */
    public record Sets(Dataset train, Dataset validation, Dataset snapshots) { }

    /**
     * Where training data come from.
     *
     * @param dataset     "mnist" or "synthetic" (Gaussian blobs, for tests and smoke runs)
     * @param pixelScale  MNIST pixel scaling
     * @param splitTrain  if &gt; 0, MNIST's training images are split into this many for training and the rest
     *                    for validation ({@link Dataset#split})
     * @param splitSeed   the split's seed
     * @param validation  "test", "split" or "none": what is evaluated after every epoch
     * @param trainSize   if &gt; 0, only the first this many training samples are used (smoke runs)
     * @param snapshots   if &gt; 0, the first this many test (or validation) samples' predicted probabilities
     *                    {@code [E, S, C]} go into every checkpoint (for InPCA)
     * @param synthetic   blob parameters when dataset is "synthetic": samples, classes, features, separation, seed
     * @param snapshotSteps extra probability snapshots after these 1-based minibatch steps ({@code snapshots/}),
     *                    empty for none; {@code maoSchedule} asks for Mao et al.'s schedule instead
     * @param maoSchedule {@link org.netgauss.nn.Training#maoSchedule} for the run's batches and epochs
     */
    public record Data(String dataset, PixelScale pixelScale, int splitTrain, long splitSeed, String validation,
                       int trainSize, int snapshots, double[] synthetic, long[] snapshotSteps, boolean maoSchedule) {

        /** Loads the sets (MNIST from {@link Mnist#defaultDirectory()}). */
        public Sets load() {
            Dataset train;
            Dataset test;
            if (dataset.equals("synthetic")) {
                int n = (int) synthetic[0];
                int classes = (int) synthetic[1];
                int features = (int) synthetic[2];
                long seed = (long) synthetic[4];
                // one draw (same centres) split into a head for training and a tail for testing
                Dataset all = Synthetic.gaussianBlobs(n + Math.max(classes, n / 5), classes, features, synthetic[3], seed);
                train = all.subset("blobs-train", java.util.stream.IntStream.range(0, n).toArray());
                test = all.subset("blobs-test", java.util.stream.IntStream.range(n, all.size()).toArray());
            } else {
                Mnist mnist = Mnist.load(pixelScale);
                train = mnist.train();
                test = mnist.test();
            }
            Dataset validationSet = null;
            if (splitTrain > 0) {
                if (splitTrain >= train.size()) {
                    throw new IllegalArgumentException("data.split.train must be below the " + train.size()
                            + " training samples, found " + splitTrain);
                }
                Dataset.Split s = train.split(splitTrain, splitSeed);
                train = s.train();
                if (validation.equals("split")) {
                    validationSet = s.validation();
                }
            }
            if (validation.equals("test")) {
                validationSet = test;
            }
            if (trainSize > 0 && trainSize < train.size()) {
                train = train.first(trainSize);
            }
            Dataset snap = null;
            if (snapshots > 0) {
                Dataset from = validationSet != null ? validationSet : test;
                snap = from.first(Math.min(snapshots, from.size()));
            }
            return new Sets(train, validationSet, snap);
        }
    }
}
