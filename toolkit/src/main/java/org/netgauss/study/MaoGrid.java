package org.netgauss.study;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.netgauss.nn.Optimizer;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The training grid of Mao et al. (PNAS 2024) on MNIST as this repository runs it (docs/spec/hyperribbon.md §4.7):
 * one config file per architecture, optimiser and learning rate in {@code environment/configs/mao/}, read through
 * the one config codec ({@link TrainConfigFile}) with the sizes of a profile, each run recording the predicted
 * probabilities of a fixed set of test images at t = 0 and on Mao et al.'s checkpoint schedule (§4.2).
 *
 * <pre>{@code
 * var grid = MaoGrid.read(Path.of("../environment/configs/mao"), profile);
 * List<RunDir> runs = grid.train();          // cached under Runs.dir(name)
 * }</pre>
 *
 * @param runs    the runs, named by their config file (e.g. {@code 784-10-sgd-lr0.3}), in name order
 * @param profile the profile whose sizes were read
 */
public record MaoGrid(List<Run> runs, Profile profile) {

    /**
     * One run of the grid.
     *
     * @param name the config file's name without {@code .yaml}
     * @param job  the config file as read for the profile
     */
    public record Run(String name, TrainJob job) { }

    public MaoGrid {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a grid of no runs");
        }
    }

    /** Where the grid's configs live, relative to the repository. */
    public static final Path CONFIGS = Path.of("environment", "configs", "mao");

    /**
     * The grid of the repository, {@link #CONFIGS} found from the working directory (the repository or its
     * {@code notebooks/} folder), read for {@code profile}.
     */
    public static MaoGrid read(Profile profile) {
        for (Path base : new Path[] {Path.of(""), Path.of("..")}) {
            if (Files.isDirectory(base.resolve(CONFIGS))) {
                return read(base.resolve(CONFIGS).normalize(), profile);
            }
        }
        throw new IllegalArgumentException("no " + CONFIGS + " here or one level up: run from the repository or"
                + " its notebooks/ folder, or give the directory");
    }

    /**
     * Every {@code *.yaml} in {@code dir}, in name order, read for {@code profile}.
     *
     * @throws IllegalArgumentException naming the file and field on a bad config, or if there is none
     */
    public static MaoGrid read(Path dir, Profile profile) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such directory of Mao-grid configs");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted(java.util.Comparator.comparing(p -> p.getFileName().toString().replaceAll("\\.yaml$", "")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no .yaml config in it");
        }
        List<Run> runs = new ArrayList<>();
        for (Path f : files) {
            String name = f.getFileName().toString();
            runs.add(new Run(name.substring(0, name.length() - ".yaml".length()), TrainConfigFile.read(f, profile)));
        }
        return new MaoGrid(runs, profile);
    }

    /** The runs named, in the grid's order; an unknown name is an error that lists the grid. */
    public MaoGrid only(String... names) {
        Set<String> wanted = Set.of(names);
        List<String> known = runs.stream().map(Run::name).toList();
        for (String n : wanted) {
            if (!known.contains(n)) {
                throw new IllegalArgumentException("no run " + n + " in the grid; it has " + String.join(", ", known));
            }
        }
        return new MaoGrid(runs.stream().filter(r -> wanted.contains(r.name())).toList(), profile);
    }

    /** The run names, in order. */
    public List<String> names() {
        return runs.stream().map(Run::name).toList();
    }

    /**
     * Trains every run into {@link Runs#dir(Profile, String)} under its name, or reads it back when it is there
     * and complete, and returns the run directories in the grid's order.
     */
    public List<RunDir> train() {
        List<RunDir> out = new ArrayList<>();
        for (Run r : runs) {
            TrainJob.Sets sets = r.job().data().load();
            out.add(r.job().training(r.job().config(), sets).run(sets.train(), Runs.dir(profile, r.name())));
        }
        return out;
    }

    /** The labels of the images every run predicts (the same set for all runs: the first one's). */
    public int[] snapshotLabels() {
        TrainJob.Sets sets = runs.get(0).job().data().load();
        if (sets.snapshots() == null) {
            throw new IllegalStateException(runs.get(0).name() + " records no probabilities (data.snapshots)");
        }
        return sets.snapshots().labels();
    }

    /** One row per run: architecture, optimiser, learning rate, seeds, epochs, batch size, images predicted. */
    public Table toTable() {
        StringColumn name = StringColumn.create("run");
        StringColumn widths = StringColumn.create("widths");
        StringColumn opt = StringColumn.create("optimiser");
        DoubleColumn lr = DoubleColumn.create("learning rate");
        IntColumn seeds = IntColumn.create("seeds");
        IntColumn epochs = IntColumn.create("epochs");
        IntColumn batch = IntColumn.create("batch size");
        IntColumn train = IntColumn.create("training images");
        IntColumn predicted = IntColumn.create("images predicted");
        for (Run r : runs) {
            TrainingConfig c = r.job().config();
            name.append(r.name());
            widths.append(Arrays.stream(c.mlp().widths()).mapToObj(Integer::toString).collect(Collectors.joining("-")));
            opt.append(optimiser(c.optimizer()));
            lr.append(c.optimizer().lr());
            seeds.append(c.ensembleSize());
            epochs.append(c.epochs());
            batch.append(c.batchSize());
            train.append(r.job().data().trainSize() > 0 ? r.job().data().trainSize() : 60_000);
            predicted.append(r.job().data().snapshots());
        }
        return Table.create("Mao et al. grid (" + profile.name().toLowerCase(Locale.ROOT) + ")", name, widths, opt, lr,
                seeds, epochs, batch, train, predicted);
    }

    private static String optimiser(Optimizer o) {
        if (o instanceof Optimizer.Sgd s) {
            return s.nesterov() ? "Nesterov (momentum " + s.momentum() + ")" : s.momentum() > 0 ? "SGD + momentum" : "SGD";
        }
        return o instanceof Optimizer.AdamW ? "AdamW" : "Adam";
    }
}
