package org.netgauss.study;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netgauss.data.PixelScale;
import org.netgauss.nn.ConfigFields;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.nn.TrainingConfigCodec;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a training config file (YAML, or JSON which is read as YAML) into a {@link TrainJob}: the training
 * config's fields through the one schema of {@link TrainingConfigCodec} (which a run's manifest also goes through),
 * plus the file's {@code name} and {@code data}. Every field is checked before anything is written; a bad value gives one line naming the file, the field (dotted
 * path) and the allowed values. Unknown fields are errors, so a typo never silently falls back to a default.
 *
 * <pre>
 * name: pigmm-gaussian
 * widths: [784, 10, 10, 10, 10]        # input, hidden..., output
 * bias: false                          # default true
 * activation: relu                     # relu | tanh | identity
 * loss: cross-entropy                  # cross-entropy | mse
 * init: gaussian                       # torch-default (alias uniform) | gaussian | glorot-uniform | glorot-normal
 *                                      # | orthogonal; or {scheme: gaussian, gain: 1.0}
 * optimizer: {type: adam, lr: 1.0e-3, weightDecay: 0.01}   # sgd | adam | adamw, torch's names and defaults
 * batchSize: 100
 * epochs: {smoke: 1, quick: 5, paper: 50}       # a number, or one per profile
 * ensembleSize: {smoke: 4, quick: 100, paper: 1000}
 * members: {first: 0, count: 100}      # a shard of the ensemble (default: all)
 * dataOrder: independent               # independent | shared
 * seed: 0
 * checkpointEvery: 1                   # epochs; epoch 0 and the last are always written
 * scheduler: {factor: 0.316, patience: 10, threshold: 0.01, minLr: 0}   # ReduceLROnPlateau on the train loss
 * earlyStopping: {patience: 30, minRelImprovement: 0.001}             # on the validation loss
 * data:
 *   dataset: mnist                     # mnist | synthetic
 *   pixelScale: minus-one-to-one       # zero-to-one | minus-one-to-one
 *   split: {train: 50000, seed: 7}     # optional train/validation split of the 60k training images
 *   validation: test                   # test | split | none (default: split if split is given, else test)
 *   trainSize: {smoke: 2000, quick: 60000, paper: 60000}   # optional: only the first n training samples
 *   snapshots: 1000                    # optional (or per profile): probabilities [E, S, C] on S held-out samples per checkpoint
 *   snapshotSteps: mao                 # optional, with snapshots: also after these minibatch steps, a list
 *                                      # [1, 150, ...] or mao (Mao et al.'s schedule, docs/spec/hyperribbon.md §4.2)
 * </pre>
 */
public final class TrainConfigFile {
    private static final Set<String> TOP = top();

    private final ConfigFields fields;
    private final Profile profile;

    private TrainConfigFile(String file, Profile profile) {
        this.fields = new ConfigFields(file, profile.name());
        this.profile = profile;
    }

    /**
     * Reads {@code path} with the sizes of {@code profile}.
     *
     * @throws IllegalArgumentException naming the file and field on any bad content
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static TrainJob read(Path path, Profile profile) {
        if (Files.exists(path)) { // a FIFO would block the read below
            org.netgauss.store.InputFiles.requireRegularFile(path, "a training config (YAML or JSON)");
        }
        Object root;
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false); // a repeated key is a mistake, not "last one wins"
            root = new Yaml(new SafeConstructor(options)).load(in);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(path + ": no such config file", e);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the config (" + e.getMessage() + ")", e);
        } catch (MarkedYAMLException e) {
            throw new IllegalArgumentException(path + ": not valid YAML or JSON: " + e.getProblem()
                    + (e.getProblemMark() != null ? " at line " + (e.getProblemMark().getLine() + 1) + ", column "
                    + (e.getProblemMark().getColumn() + 1) : ""), e);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(path + ": not valid YAML or JSON: " + e.getMessage().lines().findFirst()
                    .orElse(""), e);
        }
        return parse(path.toString(), root, profile);
    }

    private static Set<String> top() {
        Set<String> s = new java.util.HashSet<>(TrainingConfigCodec.FIELDS);
        s.add("name");
        s.add("data");
        return Set.copyOf(s);
    }

    /** {@link #read} for an already parsed document (maps, lists, strings, numbers), {@code source} names it. */
    public static TrainJob parse(String source, Object root, Profile profile) {
        TrainConfigFile f = new TrainConfigFile(source, profile);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException(source + ": a training config is a mapping of fields ("
                    + String.join(", ", ConfigFields.sorted(TOP)) + "), found " + ConfigFields.describe(root));
        }
        return f.job(f.fields.map("", root, TOP));
    }

    private TrainJob job(Map<String, Object> c) {
        String name = c.containsKey("name") ? fields.string("name", c.get("name")) : "train";
        TrainingConfig config = TrainingConfigCodec.read(fields, c);
        TrainJob.Data data = data(fields.require(c, "data", "{dataset: mnist, pixelScale: minus-one-to-one}"),
                config.mlp().widths());
        if (config.earlyStopping() != null && data.validation().equals("none")) {
            throw fields.bad("earlyStopping", "set", "only with a validation set (data.validation: test or split)");
        }
        return new TrainJob(name, config, data, profile.name().toLowerCase(Locale.ROOT));
    }

    private TrainJob.Data data(Object o, int[] widths) {
        Map<String, Object> m = fields.map("data", o, Set.of("dataset", "pixelScale", "split", "validation", "trainSize",
                "snapshots", "snapshotSteps", "samples", "classes", "separation", "seed"));
        String dataset = fields.choice("data.dataset", fields.require(m, "data.dataset", "mnist | synthetic"), List.of("mnist", "synthetic"));
        PixelScale scale = PixelScale.ZERO_TO_ONE;
        if (m.containsKey("pixelScale")) {
            scale = PixelScale.valueOf(fields.choice("data.pixelScale", m.get("pixelScale"),
                    List.of("zero-to-one", "minus-one-to-one")).toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        double[] synthetic = null;
        if (dataset.equals("mnist")) {
            for (String k : List.of("samples", "classes", "separation", "seed")) {
                if (m.containsKey(k)) {
                    throw fields.bad("data." + k, m.get(k), "only for dataset synthetic");
                }
            }
            if (widths[0] != 784 || widths[widths.length - 1] != 10) {
                throw fields.bad("widths", java.util.Arrays.toString(widths), "784 inputs and 10 outputs for MNIST");
            }
        } else {
            int samples = m.containsKey("samples") ? fields.positive("data.samples", m.get("samples")) : 600;
            int classes = m.containsKey("classes") ? fields.positive("data.classes", m.get("classes")) : widths[widths.length - 1];
            if (classes != widths[widths.length - 1] || classes < 2) {
                throw fields.bad("data.classes", classes, "the output width " + widths[widths.length - 1] + " (at least 2)");
            }
            double sep = m.containsKey("separation") ? fields.number("data.separation", m.get("separation")) : 3.0;
            long seed = m.containsKey("seed") ? fields.longValue("data.seed", m.get("seed")) : 1;
            synthetic = new double[] {samples, classes, widths[0], sep, seed};
        }
        int splitTrain = 0;
        long splitSeed = 0;
        if (m.containsKey("split")) {
            Map<String, Object> s = fields.map("data.split", m.get("split"), Set.of("train", "seed"));
            splitTrain = fields.positive("data.split.train", fields.require(s, "data.split.train", "the number of training samples, e.g. 50000"));
            splitSeed = s.containsKey("seed") ? fields.longValue("data.split.seed", s.get("seed")) : 0;
        }
        String validation = m.containsKey("validation")
                ? fields.choice("data.validation", m.get("validation"), List.of("test", "split", "none"))
                : splitTrain > 0 ? "split" : "test";
        if (validation.equals("split") && splitTrain == 0) {
            throw fields.bad("data.validation", "split", "test or none unless data.split is given");
        }
        int trainSize = m.containsKey("trainSize") ? fields.perProfile("data.trainSize", m.get("trainSize"), 1) : 0;
        int snapshots = m.containsKey("snapshots") ? fields.perProfile("data.snapshots", m.get("snapshots"), 0) : 0;
        long[] steps = new long[0];
        boolean mao = false;
        if (m.containsKey("snapshotSteps")) {
            Object st = m.get("snapshotSteps");
            if (snapshots == 0) {
                throw fields.bad("data.snapshotSteps", ConfigFields.describe(st), "only with data.snapshots > 0 (the samples to predict)");
            }
            if (st instanceof List<?> l) {
                steps = new long[l.size()];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = fields.positive("data.snapshotSteps[" + i + "]", l.get(i));
                }
            } else {
                mao = fields.choice("data.snapshotSteps", st, List.of("mao")).equals("mao");
            }
        }
        return new TrainJob.Data(dataset, scale, splitTrain, splitSeed, validation, trainSize, snapshots, synthetic,
                steps, mao);
    }
}
