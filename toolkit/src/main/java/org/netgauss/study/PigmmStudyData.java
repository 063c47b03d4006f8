package org.netgauss.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.netgauss.data.Dataset;
import org.netgauss.data.Mnist;
import org.netgauss.data.PixelScale;
import org.netgauss.study.PigmmStudy;
import org.netgauss.nn.Training;
import org.netgauss.store.RunDir;
import org.netgauss.store.internal.AtomicFiles;
import tech.tablesaw.api.Table;
import tech.tablesaw.aggregate.AggregateFunctions;

/**
 * The data of the weight-Gaussianity study as a notebook needs it: each table comes from the committed paper
 * results ({@code results/<setting>/<table>.csv}, only in the paper profile, see {@link Runs#paperResult}) or
 * else from the local run, which is trained — or resumed, or just opened — on first use, with its per-checkpoint
 * analyses cached in the run directory.
 *
 * <pre>{@code
 * var study = PigmmStudyData.open(Profile.current());
 * Table f = study.pigmm(study.sizes().depthSettings().get(0));
 * }</pre>
 */
public final class PigmmStudyData {
    /** The files {@link #exportResults} writes into each setting's folder. */
    public static final java.util.List<String> RESULT_FILES =
            java.util.List.of(PigmmTable.NAME + ".csv", DeviationTable.NAME + ".csv", "accuracy.csv");

    private final Profile profile;
    private final PigmmStudySizes sizes;
    private final Runs workspace;
    private Dataset train;
    private Dataset test;

    private PigmmStudyData(Profile profile, Runs workspace) {
        this.profile = profile;
        this.sizes = PigmmStudySizes.of(profile);
        this.workspace = workspace;
    }

    /** The study in this profile, with runs and results where {@link Runs#current} finds them. */
    public static PigmmStudyData open(Profile profile) {
        return new PigmmStudyData(profile, Runs.current(profile));
    }

    /** The study with an explicit workspace (for tests). */
    public static PigmmStudyData open(Profile profile, Runs workspace) {
        return new PigmmStudyData(profile, workspace);
    }

    public Profile profile() { return profile; }

    public PigmmStudySizes sizes() { return sizes; }

    public Runs workspace() { return workspace; }

    /** The MNIST training images of this profile, pixels in [−1, 1] as in the paper. */
    public synchronized Dataset train() {
        if (train == null) {
            Mnist m = Mnist.load(PixelScale.MINUS_ONE_TO_ONE);
            train = m.train().first(sizes.trainSamples());
            test = m.test().first(sizes.testSamples());
        }
        return train;
    }

    /** The MNIST test images used for validation accuracy. */
    public synchronized Dataset test() {
        train();
        return test;
    }

    /** Where the run of a setting lives. */
    public Path runDirectory(PigmmStudy.Setting s) {
        return workspace.run(s.name());
    }

    /**
     * Whether the run of {@code s} is complete on disk (then {@link #run} only opens it). A run of another config
     * (say, another ensemble size) in that directory is not: {@link #run} then fails naming the difference rather
     * than analysing the wrong networks.
     */
    public boolean isTrained(PigmmStudy.Setting s) {
        Path d = runDirectory(s);
        if (!Files.exists(d.resolve("manifest.json"))) {
            return false;
        }
        RunDir r = RunDir.open(d);
        com.google.gson.JsonObject stored = r.config();
        com.google.gson.JsonObject wanted = Training.configJson(s.config());
        // more epochs on disk than asked for is fine: the analysis reads epochs 0..E
        stored.remove("epochs");
        wanted.remove("epochs");
        return r.isComplete() && r.epochsDone() >= s.config().epochs() && stored.equals(wanted);
    }

    /** The run of {@code s}: trained, resumed or opened; training shows a progress bar over its epochs. */
    public RunDir run(PigmmStudy.Setting s) {
        if (isTrained(s)) {
            return RunDir.open(runDirectory(s));
        }
        return training(s).run(train(), runDirectory(s));
    }

    /**
     * The training that {@link #run} does for {@code s}, to be run on {@link #train()} into {@link #runDirectory}:
     * for callers that add a listener or set the threads (which do not change the weights), such as
     * {@code netgauss study}; a run trained this way is the one the notebooks open.
     */
    public Training training(PigmmStudy.Setting s) {
        return Training.of(s.config()).withValidation(test());
    }

    /** Every setting of the study: the depth study's, then the width study's. */
    public java.util.List<PigmmStudy.Setting> settings() {
        java.util.List<PigmmStudy.Setting> all = new java.util.ArrayList<>(sizes.depthSettings());
        all.addAll(sizes.widthSettings());
        return all;
    }

    /** The four settings of the depth study: {gaussian, uniform} x {no weight decay, 0.01}. */
    public java.util.List<PigmmStudy.Setting> depthSettings() {
        return sizes.depthSettings();
    }

    /** The settings of the width study, by increasing width. */
    public java.util.List<PigmmStudy.Setting> widthSettings() {
        return sizes.widthSettings();
    }

    /** The setting called {@code name}, e.g. "gaussian-wd0.01" or "width-40". */
    public PigmmStudy.Setting setting(String name) {
        return settings().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("no setting \"" + name + "\" in the " + profile + " profile; settings: "
                        + settings().stream().map(PigmmStudy.Setting::name).toList()));
    }

    /** The PIGMM fitted at every epoch to every square layer of {@code s}, with distances and model comparison. */
    public PigmmTrajectory fits(PigmmStudy.Setting s) {
        return PigmmTrajectory.of(s, pigmmTable(s));
    }

    /** {@link #fits(PigmmStudy.Setting)} of several settings as one trajectory (e.g. one line per setting). */
    public PigmmTrajectory fits(java.util.List<PigmmStudy.Setting> settings) {
        return PigmmTrajectory.combine(settings.stream().map(this::fits).toList());
    }

    /**
     * The deviations of the 39 cubic/quartic invariants of {@code s} at every epoch for layers up to D = 10, at the
     * first and last epoch for the wider layers of the width study (what the committed results hold).
     */
    public DeviationTrajectory deviations(PigmmStudy.Setting s) {
        return deviations(s, s.width() <= 10 ? allEpochs(s) : new int[] {0, s.config().epochs()});
    }

    /** The deviations of {@code s} at the given epochs ({@code -1} = the last epoch). */
    public DeviationTrajectory deviations(PigmmStudy.Setting s, int... epochs) {
        return DeviationTrajectory.of(s, deviationTable(s, epochs));
    }

    /** {@link #deviations(PigmmStudy.Setting)} of several settings as one. */
    public DeviationTrajectory deviations(java.util.List<PigmmStudy.Setting> settings) {
        return DeviationTrajectory.combine(settings.stream().map(this::deviations).toList());
    }

    /** The raw table behind {@link #fits}: f1..f13, w2sq and the three models' log-likelihoods per epoch and layer. */
    public Table pigmmTable(PigmmStudy.Setting s) {
        Optional<Path> c = workspace.paperResult(s.name() + "/" + PigmmTable.NAME + ".csv");
        if (c.isPresent()) {
            return AnalysisCache.read(c.get(), PigmmTable.TEXT_COLUMNS).setName(s.name());
        }
        return PigmmTable.of(run(s), s.squareLayers(), s::initVariance).setName(s.name());
    }

    /** The raw table behind {@link #deviations}, at the given epochs ({@code -1} = the last epoch). */
    public Table deviationTable(PigmmStudy.Setting s, int... epochs) {
        int[] e = epochs.clone();
        for (int k = 0; k < e.length; k++) {
            if (e[k] < 0) {
                e[k] = s.config().epochs();
            }
        }
        Optional<Path> c = workspace.paperResult(s.name() + "/" + DeviationTable.NAME + ".csv");
        if (c.isPresent()) {
            Table t = AnalysisCache.read(c.get(), DeviationTable.TEXT_COLUMNS);
            return t.where(t.intColumn("epoch").isIn(e)).setName(s.name());
        }
        return DeviationTable.of(run(s), s.squareLayers(), e).setName(s.name());
    }

    /** {@link #accuracy(PigmmStudy.Setting)} of several settings in one table, with a column {@code setting}. */
    public Table accuracy(java.util.List<PigmmStudy.Setting> settings) {
        Table out = null;
        for (PigmmStudy.Setting s : settings) {
            Table t = accuracy(s).copy();
            t.insertColumn(0, tech.tablesaw.api.StringColumn.create("setting",
                    java.util.Collections.nCopies(t.rowCount(), s.name())));
            out = out == null ? t : out.append(t);
        }
        if (out == null) {
            throw new IllegalArgumentException("no settings given");
        }
        return out.setName("ensemble mean and SD per epoch");
    }

    /** Mean and SD over the ensemble of loss and accuracy, per epoch. */
    public Table accuracy(PigmmStudy.Setting s) {
        Optional<Path> c = workspace.paperResult(s.name() + "/accuracy.csv");
        if (c.isPresent()) {
            Table committed = Table.read().csv(c.get().toFile()).setName(s.name());
            for (var col : committed.columns()) {
                // results committed before metrics.csv named it for what it is: accuracy on the test set
                col.setName(col.name().replace("validation_accuracy", "test_accuracy"));
            }
            return committed;
        }
        Table m = run(s).metrics();
        Table t = m.summarize("train_loss", "train_accuracy", "test_accuracy", AggregateFunctions.mean,
                AggregateFunctions.stdDev).by("epoch");
        return t.sortAscendingOn("epoch").setName(s.name());
    }

    /**
     * Trains (or resumes) every setting whose tables do not come from committed results, one progress bar per run;
     * returns where each setting's numbers come from. In the paper profile with {@code results/} present it trains
     * nothing.
     */
    public Table trainMissing() {
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<String> sources = new java.util.ArrayList<>();
        for (PigmmStudy.Setting s : settings()) {
            if (!usesResults(s)) {
                run(s);
            }
            names.add(s.name());
            sources.add(source(s));
        }
        return Table.create("where the study's numbers come from (" + profile + " profile)",
                tech.tablesaw.api.StringColumn.create("setting", names),
                tech.tablesaw.api.StringColumn.create("source", sources));
    }

    /** The settings of the study as a table: architecture, initialisation, s², weight decay, N, epochs, layers. */
    public Table toTable() {
        java.util.List<PigmmStudy.Setting> all = settings();
        return Table.create("settings (" + profile + " profile)",
                tech.tablesaw.api.StringColumn.create("setting", all.stream().map(PigmmStudy.Setting::name).toList()),
                tech.tablesaw.api.StringColumn.create("architecture",
                        all.stream().map(s -> s.config().mlp().toString()).toList()),
                tech.tablesaw.api.StringColumn.create("init", all.stream().map(PigmmStudy.Setting::init).toList()),
                tech.tablesaw.api.DoubleColumn.create("s² (modelled layer)",
                        all.stream().mapToDouble(s -> s.initVariance(s.width())).toArray()),
                tech.tablesaw.api.DoubleColumn.create("weight decay",
                        all.stream().mapToDouble(PigmmStudy.Setting::weightDecay).toArray()),
                tech.tablesaw.api.IntColumn.create("networks N",
                        all.stream().mapToInt(s -> s.config().ensembleSize()).toArray()),
                tech.tablesaw.api.IntColumn.create("epochs", all.stream().mapToInt(s -> s.config().epochs()).toArray()),
                tech.tablesaw.api.StringColumn.create("modelled layers",
                        all.stream().map(s -> String.join(", ", s.squareLayers())).toList()));
    }

    /**
     * The density of the entries of {@code layer} over the whole ensemble of {@code s} at each of {@code epochs}, in
     * {@code bins} bins on [lo, hi]: columns weight (bin centre), density, series ("setting, epoch e"). Needs the
     * local run (checkpoints are not part of the committed results).
     */
    public Table weightHistogram(PigmmStudy.Setting s, String layer, double lo, double hi, int bins, int... epochs) {
        if (!(hi > lo) || bins < 1) {
            throw new IllegalArgumentException("histogram needs lo < hi and bins >= 1, found [" + lo + ", " + hi + "], "
                    + bins + " bins");
        }
        RunDir r = run(s);
        java.util.List<Double> x = new java.util.ArrayList<>();
        java.util.List<Double> density = new java.util.ArrayList<>();
        java.util.List<String> series = new java.util.ArrayList<>();
        double width = (hi - lo) / bins;
        for (int e : epochs) {
            double[] w = r.checkpoint(e).weights(layer).doubles();
            long[] count = new long[bins];
            for (double v : w) {
                int b = (int) Math.floor((v - lo) / width);
                if (b >= 0 && b < bins) {
                    count[b]++;
                }
            }
            for (int b = 0; b < bins; b++) {
                x.add(lo + (b + 0.5) * width);
                density.add(count[b] / (w.length * width));
                series.add(s.name() + ", epoch " + e);
            }
        }
        return Table.create("entries of " + layer + " across the ensemble",
                tech.tablesaw.api.DoubleColumn.create("weight", x), tech.tablesaw.api.DoubleColumn.create("density", density),
                tech.tablesaw.api.StringColumn.create("series", series));
    }

    /** All checkpoint epochs 0..E of a setting. */
    public static int[] allEpochs(PigmmStudy.Setting s) {
        return java.util.stream.IntStream.rangeClosed(0, s.config().epochs()).toArray();
    }

    /**
     * Writes the compact results folder {@code dir/<setting>/{pigmm,deviations,accuracy}.csv} for the given settings,
     * the layout that {@link Runs#paperResult} reads; returns the files written. Deviations are computed at every
     * epoch for layers up to D = 10 and at the first and last epoch for the wider layers of the width study.
     * Each file is written atomically (a temporary file, then a rename).
     */
    public java.util.List<Path> exportResults(Path dir, java.util.List<PigmmStudy.Setting> settings) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (PigmmStudy.Setting s : settings) {
            out.addAll(exportResults(dir, s));
        }
        return out;
    }

    /** {@link #exportResults(Path, java.util.List)} for one setting: writes and returns its three files. */
    public java.util.List<Path> exportResults(Path dir, PigmmStudy.Setting s) {
        Path d = dir.resolve(s.name());
        int[] devEpochs = s.width() <= 10 ? allEpochs(s) : new int[] {0, s.config().epochs()};
        Table[] tables = {pigmmTable(s), deviationTable(s, devEpochs), accuracy(s)};
        java.util.List<Path> out = new java.util.ArrayList<>();
        for (int k = 0; k < tables.length; k++) {
            Path f = d.resolve(RESULT_FILES.get(k));
            java.io.StringWriter w = new java.io.StringWriter();
            tables[k].write().csv(w);
            AtomicFiles.writeString(f, w.toString());
            out.add(f);
        }
        return out;
    }

    /** Whether the tables of {@code s} come from the committed paper results (then there is no local run to open). */
    public boolean usesResults(PigmmStudy.Setting s) {
        return workspace.paperResult(s.name() + "/" + PigmmTable.NAME + ".csv").isPresent();
    }

    /** "committed results" or the run directory the tables of {@code s} come from. */
    public String source(PigmmStudy.Setting s) {
        return workspace.paperResult(s.name() + "/" + PigmmTable.NAME + ".csv")
                .map(p -> "committed results " + p.getParent()).orElse("run " + runDirectory(s));
    }

    @Override
    public String toString() {
        return "PigmmStudyData[" + profile + ", " + sizes + ", runs " + workspace.runs()
                + workspace.results().map(r -> ", results " + r).orElse("") + "]";
    }
}
