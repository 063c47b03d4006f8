package org.netgauss.preact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.netgauss.data.Dataset;
import org.netgauss.nn.EarlyStopping;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Optimizer;
import org.netgauss.nn.PlateauScheduler;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.NpyArray;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The training comparison of Wolinski &amp; Arbel (2025, Sec. 5.3 and App. H.5; spec
 * {@code docs/spec/gaussian-preact.md} §3c): MLPs with each initialisation (tanh, ReLU,
 * phi_theta with W(theta,1) weights) at several widths and depths, trained with Adam (lr 1e-3, betas 0.9/0.999,
 * no weight decay), batch 200, the plateau scheduler on the training loss (factor 1/sqrt(10), patience 10,
 * threshold 0.01), early stopping on the validation loss (patience 30, 0.001), then scored on the test set.
 *
 * <p>Every (activation, width, depth) cell is one ensemble of {@code members} networks trained at once by
 * {@link Training}; member k's seeds derive from the run seed and k. Each cell lives in its own run directory
 * under {@code root}, named after the cell; a complete run is read back instead of retrained, an interrupted one
 * resumes. Test accuracies come from the predicted probabilities on the test set that the run stores with its
 * last checkpoint.
 *
 * @param initialisations the curves to compare (their activation and weight law go to the engine through
 *                        {@link TrainingLaws})
 * @param widths hidden widths
 * @param depths numbers of hidden layers
 * @param members networks per cell (independent seeds)
 * @param maxEpochs the epoch cap (early stopping usually ends training before)
 * @param seed run seed of every cell
 */
public record TrainingComparison(List<Initialisation> initialisations, int[] widths, int[] depths, int members,
        int maxEpochs, long seed) {

    /** Mini-batch size of the paper (App. H.5). */
    public static final int BATCH_SIZE = 200;

    public TrainingComparison {
        initialisations = List.copyOf(initialisations);
        widths = widths.clone();
        depths = depths.clone();
        if (initialisations.isEmpty()) {
            throw new IllegalArgumentException("need at least one initialisation to compare");
        }
        for (int w : widths) {
            if (w < 1) {
                throw new IllegalArgumentException("widths must be >= 1, found " + Arrays.toString(widths));
            }
        }
        for (int d : depths) {
            if (d < 1) {
                throw new IllegalArgumentException("depths (hidden layers) must be >= 1, found " + Arrays.toString(depths));
            }
        }
        if (widths.length == 0 || depths.length == 0) {
            throw new IllegalArgumentException("need at least one width and one depth");
        }
        if (members < 1 || maxEpochs < 1) {
            throw new IllegalArgumentException("members and maxEpochs must be >= 1, found " + members + ", " + maxEpochs);
        }
    }

    /** tanh, ReLU and phi^p_3 (the paper's recommended family), width 100, depth 3, 3 members, 100 epochs, seed 1. */
    public static TrainingComparison defaults() {
        return new TrainingComparison(List.of(Initialisation.tanh(), Initialisation.relu(),
                Initialisation.of(PhiTheta.positive(3))), new int[] {100}, new int[] {3}, 3, 100, 1);
    }

    public TrainingComparison withInitialisations(List<Initialisation> i) { return new TrainingComparison(i, widths, depths, members, maxEpochs, seed); }

    public TrainingComparison withWidths(int... w) { return new TrainingComparison(initialisations, w, depths, members, maxEpochs, seed); }

    public TrainingComparison withDepths(int... d) { return new TrainingComparison(initialisations, widths, d, members, maxEpochs, seed); }

    public TrainingComparison withMembers(int m) { return new TrainingComparison(initialisations, widths, depths, m, maxEpochs, seed); }

    public TrainingComparison withMaxEpochs(int e) { return new TrainingComparison(initialisations, widths, depths, members, e, seed); }

    public TrainingComparison withSeed(long s) { return new TrainingComparison(initialisations, widths, depths, members, maxEpochs, s); }

    @Override public int[] widths() { return widths.clone(); }

    @Override public int[] depths() { return depths.clone(); }

    /** The engine config of one cell: the protocol of the class comment. */
    public TrainingConfig config(Initialisation init, int inputs, int classes, int width, int depth) {
        int[] w = new int[depth + 2];
        Arrays.fill(w, width);
        w[0] = inputs;
        w[depth + 1] = classes;
        // trainable biases everywhere, initialised at sigma_b B (zero for ReLU and phi_theta, as in the propagation)
        Mlp mlp = Mlp.of(w).withActivation(TrainingLaws.activation(init.activation()));
        return TrainingConfig.defaults(mlp)
                .withInit(TrainingLaws.weightInit(init))
                .withOptimizer(Optimizer.adam(1e-3))
                .withBatchSize(BATCH_SIZE)
                .withEpochs(maxEpochs)
                .withSeed(seed)
                .withEnsembleSize(members)
                .withScheduler(PlateauScheduler.wolinskiArbel())
                .withEarlyStopping(EarlyStopping.wolinskiArbel())
                .withCheckpointEvery(maxEpochs);
    }

    /** The run directory of one cell under {@code root}. */
    public Path cellDirectory(Path root, Initialisation init, int width, int depth) {
        String slug = init.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-|-$)", "");
        return root.resolve(String.format(Locale.ROOT, "%s-w%d-d%d-m%d-s%d", slug, width, depth, members, seed));
    }

    /** Trains (or reads back) every cell; see {@link #run(Dataset, Dataset, Dataset, Path, Consumer)}. */
    public Result run(Dataset train, Dataset validation, Dataset test, Path root) {
        return run(train, validation, test, root, cell -> { });
    }

    /**
     * Trains every cell into {@code root} (or reads a complete one back) and scores it on {@code test}.
     *
     * @param onCell called with each cell's name before it starts, e.g. for progress
     */
    public Result run(Dataset train, Dataset validation, Dataset test, Path root, Consumer<String> onCell) {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        List<MemberScore> scores = new ArrayList<>();
        for (Initialisation init : initialisations) {
            for (int depth : depths) {
                for (int width : widths) {
                    Path dir = cellDirectory(root, init, width, depth);
                    onCell.accept(dir.getFileName().toString());
                    RunDir run = isCompleteWithEpochs(dir) ? RunDir.open(dir)
                            : Training.of(config(init, train.featureCount(), train.classCount(), width, depth))
                                    .withValidation(validation).withSnapshots(test).run(train, dir);
                    scores.addAll(score(run, init.name(), width, depth, test));
                }
            }
        }
        return new Result(scores);
    }

    private boolean isCompleteWithEpochs(Path dir) {
        if (!Files.exists(dir.resolve("manifest.json"))) {
            return false;
        }
        RunDir run = RunDir.open(dir);
        return run.isComplete() && run.config().get("epochs").getAsInt() == maxEpochs;
    }

    private List<MemberScore> score(RunDir run, String activation, int width, int depth, Dataset test) {
        NpyArray p = run.lastCheckpoint().probabilities();
        int e = p.dim(0);
        int s = p.dim(1);
        int c = p.dim(2);
        if (s != test.size()) {
            throw new IllegalStateException(run.directory() + " scored " + s + " test samples, the test set has "
                    + test.size() + "; delete the directory to retrain on this test set");
        }
        float[] prob = p.floats();
        int[] epochs = new int[e];
        double[] valAcc = new double[e];
        for (String line : run.metricsLines().subList(1, run.metricsLines().size())) {
            // member,epoch,lr,train_loss,train_accuracy,validation_loss,validation_accuracy,stopped
            String[] f = line.split(",", -1);
            int m = Integer.parseInt(f[0]);
            int ep = Integer.parseInt(f[1]);
            if (ep >= 1 && !Boolean.parseBoolean(f[7]) && ep > epochs[m]) {
                epochs[m] = ep;
                valAcc[m] = f[6].isEmpty() ? Double.NaN : Double.parseDouble(f[6]);
            }
        }
        long runSeed = run.config().get("seed").getAsLong();
        List<MemberScore> out = new ArrayList<>();
        for (int m = 0; m < e; m++) {
            int correct = 0;
            for (int i = 0; i < s; i++) {
                int best = 0;
                int base = (m * s + i) * c;
                for (int k = 1; k < c; k++) {
                    if (prob[base + k] > prob[base + best]) {
                        best = k;
                    }
                }
                if (best == test.label(i)) {
                    correct++;
                }
            }
            out.add(new MemberScore(activation, width, depth, runSeed, m, epochs[m], valAcc[m], (double) correct / s));
        }
        return out;
    }

    /**
     * One trained network.
     *
     * @param member the member index (its seeds derive from {@code seed} and this index)
     * @param epochs epochs trained before early stopping or the cap
     */
    public record MemberScore(String activation, int width, int depth, long seed, int member, int epochs,
            double validationAccuracy, double testAccuracy) {
    }

    /** All members of all cells. */
    public record Result(List<MemberScore> members) {
        public Result {
            members = List.copyOf(members);
        }

        /** One row per network: activation, width, depth, seed, member, epochs, validation and test accuracy. */
        public Table membersTable() {
            StringColumn a = StringColumn.create("activation");
            IntColumn w = IntColumn.create("width");
            IntColumn d = IntColumn.create("depth");
            LongColumn s = LongColumn.create("seed");
            IntColumn m = IntColumn.create("member");
            IntColumn ep = IntColumn.create("epochs");
            DoubleColumn va = DoubleColumn.create("validation_accuracy");
            DoubleColumn ta = DoubleColumn.create("test_accuracy");
            for (MemberScore r : members) {
                a.append(r.activation());
                w.append(r.width());
                d.append(r.depth());
                s.append(r.seed());
                m.append(r.member());
                ep.append(r.epochs());
                va.append(r.validationAccuracy());
                ta.append(r.testAccuracy());
            }
            return Table.create("trained networks", a, w, d, s, m, ep, va, ta);
        }

        /**
         * One row per cell: activation, width, depth, seed, members, mean epochs, test accuracy mean, standard
         * deviation (unbiased, 0 for one member), min and max.
         */
        public Table toTable() {
            StringColumn a = StringColumn.create("activation");
            IntColumn w = IntColumn.create("width");
            IntColumn d = IntColumn.create("depth");
            LongColumn s = LongColumn.create("seed");
            IntColumn n = IntColumn.create("members");
            DoubleColumn ep = DoubleColumn.create("mean_epochs");
            DoubleColumn mean = DoubleColumn.create("test_accuracy_mean");
            DoubleColumn sd = DoubleColumn.create("test_accuracy_sd");
            DoubleColumn min = DoubleColumn.create("test_accuracy_min");
            DoubleColumn max = DoubleColumn.create("test_accuracy_max");
            int i = 0;
            while (i < members.size()) {
                MemberScore first = members.get(i);
                int j = i;
                double sum = 0;
                double sumEp = 0;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                while (j < members.size() && sameCell(first, members.get(j))) {
                    double t = members.get(j).testAccuracy();
                    sum += t;
                    sumEp += members.get(j).epochs();
                    lo = Math.min(lo, t);
                    hi = Math.max(hi, t);
                    j++;
                }
                int k = j - i;
                double mu = sum / k;
                double ss = 0;
                for (int q = i; q < j; q++) {
                    double dv = members.get(q).testAccuracy() - mu;
                    ss += dv * dv;
                }
                a.append(first.activation());
                w.append(first.width());
                d.append(first.depth());
                s.append(first.seed());
                n.append(k);
                ep.append(sumEp / k);
                mean.append(mu);
                sd.append(k > 1 ? Math.sqrt(ss / (k - 1)) : 0.0);
                min.append(lo);
                max.append(hi);
                i = j;
            }
            return Table.create("test accuracy", a, w, d, s, n, ep, mean, sd, min, max);
        }

        private static boolean sameCell(MemberScore x, MemberScore y) {
            return x.activation().equals(y.activation()) && x.width() == y.width() && x.depth() == y.depth();
        }

        @Override
        public String toString() {
            return "TrainingComparison.Result[" + members.size() + " networks]";
        }
    }
}
