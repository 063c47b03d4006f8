package org.netgauss.inpca;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.netgauss.store.NpyArray;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The training trajectories of several runs as one set of models for InPCA (Mao et al., PNAS 2024;
 * docs/spec/hyperribbon.md §4.2–4.4): the predicted probabilities {@code [T, S, C]} of every member of every run at
 * t = 0 (the epoch-0 checkpoint) and after each snapshot step, stacked in the order run, member, time, with an
 * index naming each point (run, member, step). This is what {@code environment/bin/mao-stack} writes as
 * {@code probs.npy} and {@code points.csv}. {@link #withGeodesic} appends the geodesic from the uniform model P0
 * to the truth P* (§4.4) as one more trajectory, run {@link #GEODESIC}.
 *
 * @param predictions the stacked probabilities, one model per point
 * @param points      what each model is, in the same order
 */
public record PredictionTrajectories(Predictions predictions, List<Point> points) {

    /** The run name of the points on the P0 → P* geodesic. */
    public static final String GEODESIC = "geodesic P0 \u2192 P*";

    /**
     * One model of the stack.
     *
     * @param run    the run's name (its directory's name), or {@link #GEODESIC}
     * @param member the ensemble member (seed index); for the geodesic 0
     * @param step   the minibatch step after which the probabilities were recorded (0 = initialisation), or the
     *               epoch for {@link #atCheckpoints}; for the geodesic the index of the point from P0 (0) to P* (last)
     */
    public record Point(String run, int member, long step) {
        public Point {
            Objects.requireNonNull(run, "run");
        }

        /** The trajectory this point lies on: "run #member", or the geodesic's name. */
        public String trajectory() {
            return run.equals(GEODESIC) ? run : run + " #" + member;
        }
    }

    public PredictionTrajectories {
        Objects.requireNonNull(predictions, "predictions");
        points = List.copyOf(points);
        if (points.size() != predictions.models()) {
            throw new IllegalArgumentException("one point per model: " + predictions.models() + " models, "
                    + points.size() + " points");
        }
    }

    /**
     * Stacks the runs in the order given (each named by its directory's name): every member's probabilities at
     * the epoch-0 checkpoint and at each of the run's snapshot steps.
     *
     * @throws IllegalArgumentException if a run has no probabilities at epoch 0, or the runs disagree on the
     *                                  samples and classes predicted
     */
    public static PredictionTrajectories of(List<RunDir> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("no runs to stack");
        }
        List<Point> points = new ArrayList<>();
        int samples = -1;
        int classes = -1;
        List<float[]> blocks = new ArrayList<>();
        for (RunDir run : runs) {
            String name = run.directory().getFileName().toString();
            List<Long> steps = new ArrayList<>();
            List<NpyArray> arrays = new ArrayList<>();
            steps.add(0L);
            arrays.add(run.checkpoint(0).probabilities());
            for (long s : run.snapshotSteps()) {
                steps.add(s);
                arrays.add(run.snapshot(s));
            }
            NpyArray first = arrays.get(0);
            if (first.rank() != 3) {
                throw new IllegalArgumentException(run.directory() + ": probabilities are not [members, S, C]");
            }
            if (samples < 0) {
                samples = first.dim(1);
                classes = first.dim(2);
            } else if (first.dim(1) != samples || first.dim(2) != classes) {
                throw new IllegalArgumentException(run.directory() + ": predicts " + first.dim(1) + " samples x "
                        + first.dim(2) + " classes, the runs before it " + samples + " x " + classes);
            }
            int block = samples * classes;
            List<float[]> perTime = new ArrayList<>();
            for (NpyArray a : arrays) {
                perTime.add(a.floats());
            }
            for (int m = 0; m < first.dim(0); m++) {
                for (int t = 0; t < perTime.size(); t++) {
                    float[] b = new float[block];
                    System.arraycopy(perTime.get(t), m * block, b, 0, block);
                    blocks.add(b);
                    points.add(new Point(name, m, steps.get(t)));
                }
            }
        }
        float[] flat = new float[blocks.size() * samples * classes];
        int at = 0;
        for (float[] b : blocks) {
            System.arraycopy(b, 0, flat, at, b.length);
            at += b.length;
        }
        return new PredictionTrajectories(Predictions.of(flat, points.size(), samples, classes), points);
    }

    /**
     * The members of one run along its checkpoints: every member's probabilities at every checkpoint epoch, in
     * the order member, epoch; a point's {@code step} is then the epoch.
     */
    public static PredictionTrajectories atCheckpoints(RunDir run) {
        String name = run.directory().getFileName().toString();
        int[] epochs = run.epochs();
        List<float[]> perEpoch = new ArrayList<>();
        NpyArray first = run.checkpoint(epochs[0]).probabilities();
        for (int e : epochs) {
            perEpoch.add(run.checkpoint(e).probabilities().floats());
        }
        int members = first.dim(0);
        int block = first.dim(1) * first.dim(2);
        float[] flat = new float[members * epochs.length * block];
        List<Point> points = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            for (int t = 0; t < epochs.length; t++) {
                System.arraycopy(perEpoch.get(t), m * block, flat, points.size() * block, block);
                points.add(new Point(name, m, epochs[t]));
            }
        }
        return new PredictionTrajectories(Predictions.of(flat, points.size(), first.dim(1), first.dim(2)), points);
    }

    /**
     * These trajectories followed by {@code count} points on the geodesic from P0 (uniform) to P* (one-hot on
     * {@code labels}), ends included (docs/spec/hyperribbon.md §4.4; {@link Geodesic#ignoranceToTruth}).
     */
    public PredictionTrajectories withGeodesic(int[] labels, int count) {
        if (labels.length != predictions.samples()) {
            throw new IllegalArgumentException("need one label per sample: " + predictions.samples() + " samples, "
                    + labels.length + " labels");
        }
        List<Point> all = new ArrayList<>(points);
        for (int k = 0; k < count; k++) {
            all.add(new Point(GEODESIC, 0, k));
        }
        return new PredictionTrajectories(predictions.append(Geodesic.ignoranceToTruth(labels,
                predictions.classes(), count)), all);
    }

    /** Number of points (models). */
    public int size() {
        return points.size();
    }

    /** The run of every point, in order (to colour a projection by run). */
    public List<String> runs() {
        return points.stream().map(Point::run).toList();
    }

    /** The trajectory of every point, in order: "run #member", or the geodesic's name. */
    public List<String> trajectories() {
        return points.stream().map(Point::trajectory).toList();
    }

    /**
     * The end of training per run: the progress λ ∈ [0, 1] along the P0 → P* geodesic
     * ({@link Geodesic#progressToTruth}, docs/spec/hyperribbon.md §4.4) and the accuracy (argmax of the
     * probabilities against {@code labels}) of each member's last point, averaged over the members.
     */
    public Table endOfTraining(int[] labels) {
        Map<String, double[]> sums = new LinkedHashMap<>(); // progress, accuracy, members
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            boolean last = i + 1 == points.size() || !points.get(i + 1).trajectory().equals(p.trajectory());
            if (!last || p.run().equals(GEODESIC)) {
                continue;
            }
            double[] s = sums.computeIfAbsent(p.run(), r -> new double[3]);
            s[0] += Geodesic.progressToTruth(predictions, i, labels);
            s[1] += accuracy(i, labels);
            s[2]++;
        }
        StringColumn run = StringColumn.create("run");
        DoubleColumn lambda = DoubleColumn.create("progress \u03bb");
        DoubleColumn acc = DoubleColumn.create("accuracy");
        IntColumn members = IntColumn.create("members");
        sums.forEach((r, s) -> {
            run.append(r);
            lambda.append(s[0] / s[2]);
            acc.append(s[1] / s[2]);
            members.append((int) s[2]);
        });
        return Table.create("end of training", run, members, lambda, acc);
    }

    /** The share of samples whose most probable class is the label (ties to the lower class). */
    public double accuracy(int model, int[] labels) {
        if (labels.length != predictions.samples()) {
            throw new IllegalArgumentException("need one label per sample: " + predictions.samples() + " samples, "
                    + labels.length + " labels");
        }
        int correct = 0;
        for (int n = 0; n < labels.length; n++) {
            int best = 0;
            for (int c = 1; c < predictions.classes(); c++) {
                if (predictions.probability(model, n, c) > predictions.probability(model, n, best)) {
                    best = c;
                }
            }
            correct += best == labels[n] ? 1 : 0;
        }
        return correct / (double) labels.length;
    }

    /** The point index as a table: point, run, member, step (what {@code points.csv} holds). */
    public Table toTable() {
        IntColumn point = IntColumn.indexColumn("point", size(), 0);
        StringColumn run = StringColumn.create("run");
        IntColumn member = IntColumn.create("member");
        LongColumn step = LongColumn.create("step");
        for (Point p : points) {
            run.append(p.run());
            member.append(p.member());
            step.append(p.step());
        }
        return Table.create("points (" + size() + " models, " + predictions.samples() + " samples)", point, run,
                member, step);
    }
}
