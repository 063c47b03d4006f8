package org.netgauss.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netgauss.data.PixelScale;
import org.netgauss.nn.Activation;
import org.netgauss.nn.DataOrder;
import org.netgauss.nn.EarlyStopping;
import org.netgauss.nn.Loss;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Optimizer;
import org.netgauss.nn.PlateauScheduler;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.nn.WeightInit;
import org.netgauss.study.Profile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a training config file (YAML, or JSON which is read as YAML) into a {@link TrainJob}. Every field is
 * checked here, before anything is written; a bad value gives one line naming the file, the field (dotted
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
 *   snapshots: 1000                    # optional: probabilities [E, S, C] on S held-out samples per checkpoint
 *   snapshotSteps: mao                 # optional, with snapshots: also after these minibatch steps, a list
 *                                      # [1, 150, ...] or mao (Mao et al.'s schedule, docs/spec/hyperribbon.md §4.2)
 * </pre>
 */
public final class TrainConfigFile {
    private static final Set<String> TOP = Set.of("name", "widths", "bias", "activation", "loss", "init", "optimizer",
            "batchSize", "epochs", "ensembleSize", "members", "dataOrder", "seed", "checkpointEvery", "scheduler",
            "earlyStopping", "data");

    private final String file;
    private final Profile profile;

    private TrainConfigFile(String file, Profile profile) {
        this.file = file;
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

    /** {@link #read} for an already parsed document (maps, lists, strings, numbers), {@code source} names it. */
    public static TrainJob parse(String source, Object root, Profile profile) {
        TrainConfigFile f = new TrainConfigFile(source, profile);
        if (!(root instanceof Map)) {
            throw new IllegalArgumentException(source + ": a training config is a mapping of fields ("
                    + String.join(", ", sorted(TOP)) + "), found " + describe(root));
        }
        return f.job(f.map("", root, TOP));
    }

    private TrainJob job(Map<String, Object> c) {
        String name = c.containsKey("name") ? string("name", c.get("name")) : "train";
        int[] widths = widths(c.get("widths"));
        boolean bias = c.containsKey("bias") ? bool("bias", c.get("bias")) : true;
        Activation act = Activation.RELU;
        if (c.containsKey("activation")) {
            String a = choice("activation", c.get("activation"), List.of("relu", "tanh", "identity"));
            act = Activation.named(a);
        }
        Loss loss = Loss.CROSS_ENTROPY;
        if (c.containsKey("loss")) {
            loss = choice("loss", c.get("loss"), List.of("cross-entropy", "mse")).equals("mse") ? Loss.MSE : Loss.CROSS_ENTROPY;
        }
        Mlp mlp = new Mlp(widths, bias, act, loss);
        WeightInit init = c.containsKey("init") ? init(c.get("init")) : WeightInit.torchDefault();
        Optimizer opt = c.containsKey("optimizer") ? optimizer(c.get("optimizer")) : Optimizer.adam(1e-3);
        int batch = c.containsKey("batchSize") ? positive("batchSize", c.get("batchSize")) : 100;
        int epochs = perProfile("epochs", require(c, "epochs", "a number of epochs, or {smoke: .., quick: .., paper: ..}"), 0);
        int e = perProfile("ensembleSize", c.getOrDefault("ensembleSize", 1), 1);
        int first = 0;
        int count = e;
        if (c.containsKey("members")) {
            Map<String, Object> m = map("members", c.get("members"), Set.of("first", "count"));
            first = m.containsKey("first") ? nonNegative("members.first", m.get("first")) : 0;
            count = m.containsKey("count") ? positive("members.count", m.get("count")) : e - first;
            if (first + (long) count > e || count < 1) {
                throw bad("members", "[" + first + ", " + (first + (long) count) + ")", "a non-empty range inside [0, "
                        + e + ") (ensembleSize " + e + ")");
            }
        }
        DataOrder order = DataOrder.INDEPENDENT;
        if (c.containsKey("dataOrder")) {
            order = DataOrder.valueOf(choice("dataOrder", c.get("dataOrder"), List.of("independent", "shared"))
                    .toUpperCase(Locale.ROOT));
        }
        long seed = c.containsKey("seed") ? longValue("seed", c.get("seed")) : 0;
        int every = c.containsKey("checkpointEvery") ? positive("checkpointEvery", c.get("checkpointEvery")) : 1;
        PlateauScheduler sched = null;
        if (c.containsKey("scheduler")) {
            Map<String, Object> s = map("scheduler", c.get("scheduler"), Set.of("factor", "patience", "threshold", "minLr"));
            PlateauScheduler d = PlateauScheduler.wolinskiArbel();
            sched = checked("scheduler", () -> new PlateauScheduler(
                    s.containsKey("factor") ? number("scheduler.factor", s.get("factor")) : d.factor(),
                    s.containsKey("patience") ? nonNegative("scheduler.patience", s.get("patience")) : d.patience(),
                    s.containsKey("threshold") ? number("scheduler.threshold", s.get("threshold")) : d.threshold(),
                    s.containsKey("minLr") ? number("scheduler.minLr", s.get("minLr")) : d.minLr()));
        }
        EarlyStopping stop = null;
        if (c.containsKey("earlyStopping")) {
            Map<String, Object> s = map("earlyStopping", c.get("earlyStopping"), Set.of("patience", "minRelImprovement"));
            EarlyStopping d = EarlyStopping.wolinskiArbel();
            stop = checked("earlyStopping", () -> new EarlyStopping(
                    s.containsKey("patience") ? positive("earlyStopping.patience", s.get("patience")) : d.patience(),
                    s.containsKey("minRelImprovement") ? number("earlyStopping.minRelImprovement",
                            s.get("minRelImprovement")) : d.minRelImprovement()));
        }
        TrainJob.Data data = data(require(c, "data", "{dataset: mnist, pixelScale: minus-one-to-one}"), widths);
        if (stop != null && data.validation().equals("none")) {
            throw bad("earlyStopping", "set", "only with a validation set (data.validation: test or split)");
        }
        int fFirst = first;
        int fCount = count;
        TrainingConfig config = checked("config", () -> new TrainingConfig(mlp, init, opt, batch, epochs, seed, e,
                fFirst, fCount, DataOrder.INDEPENDENT, null, null, every));
        config = config.withDataOrder(order).withScheduler(sched).withEarlyStopping(stop);
        return new TrainJob(name, config, data, profile.name().toLowerCase(Locale.ROOT));
    }

    private int[] widths(Object o) {
        if (o == null) {
            throw bad("widths", "missing", "a list of layer widths from input to output, e.g. [784, 10, 10, 10, 10]");
        }
        if (!(o instanceof List<?> l) || l.size() < 2) {
            throw bad("widths", describe(o), "a list of at least two positive widths, e.g. [784, 100, 10]");
        }
        int[] w = new int[l.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = positive("widths[" + i + "]", l.get(i));
        }
        return w;
    }

    private WeightInit init(Object o) {
        List<String> schemes = List.of("torch-default", "uniform", "gaussian", "glorot-uniform", "glorot-normal", "orthogonal");
        String scheme;
        double gain = 1;
        if (o instanceof Map) {
            Map<String, Object> m = map("init", o, Set.of("scheme", "gain"));
            scheme = choice("init.scheme", require(m, "init.scheme", String.join(" | ", schemes)), schemes);
            if (m.containsKey("gain")) {
                gain = number("init.gain", m.get("gain"));
                if (!(gain > 0)) {
                    throw bad("init.gain", m.get("gain"), "a positive number");
                }
            }
        } else {
            scheme = choice("init", o, schemes);
        }
        if ((scheme.equals("torch-default") || scheme.equals("uniform")) && gain != 1) {
            throw bad("init.gain", gain, "1 for torch-default (U(±1/sqrt(fan_in)) has no gain); use gaussian or glorot-*");
        }
        return switch (scheme) {
            case "torch-default", "uniform" -> WeightInit.torchDefault();
            case "gaussian" -> WeightInit.gaussian(gain);
            case "glorot-uniform" -> WeightInit.glorotUniform(gain);
            case "glorot-normal" -> WeightInit.glorotNormal(gain);
            default -> WeightInit.orthogonal(gain);
        };
    }

    private Optimizer optimizer(Object o) {
        Map<String, Object> m = map("optimizer", o, Set.of("type", "lr", "momentum", "dampening", "nesterov",
                "weightDecay", "beta1", "beta2", "eps"));
        String type = choice("optimizer.type", require(m, "optimizer.type", "sgd | adam | adamw"), List.of("sgd", "adam", "adamw"));
        Set<String> allowed = type.equals("sgd") ? Set.of("type", "lr", "momentum", "dampening", "nesterov", "weightDecay")
                : Set.of("type", "lr", "beta1", "beta2", "eps", "weightDecay");
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw bad("optimizer." + k, m.get(k), "not a setting of " + type + "; its settings: "
                        + String.join(", ", sorted(allowed)));
            }
        }
        double lr = number("optimizer.lr", require(m, "optimizer.lr", "a positive learning rate, e.g. 1.0e-3"));
        double wd = m.containsKey("weightDecay") ? number("optimizer.weightDecay", m.get("weightDecay"))
                : type.equals("adamw") ? 0.01 : 0;
        if (type.equals("sgd")) {
            return checked("optimizer", () -> new Optimizer.Sgd(lr,
                    m.containsKey("momentum") ? number("optimizer.momentum", m.get("momentum")) : 0,
                    m.containsKey("dampening") ? number("optimizer.dampening", m.get("dampening")) : 0,
                    m.containsKey("nesterov") && bool("optimizer.nesterov", m.get("nesterov")), wd));
        }
        double b1 = m.containsKey("beta1") ? number("optimizer.beta1", m.get("beta1")) : 0.9;
        double b2 = m.containsKey("beta2") ? number("optimizer.beta2", m.get("beta2")) : 0.999;
        double eps = m.containsKey("eps") ? number("optimizer.eps", m.get("eps")) : 1e-8;
        return checked("optimizer", () -> type.equals("adam") ? new Optimizer.Adam(lr, b1, b2, eps, wd)
                : new Optimizer.AdamW(lr, b1, b2, eps, wd));
    }

    private TrainJob.Data data(Object o, int[] widths) {
        Map<String, Object> m = map("data", o, Set.of("dataset", "pixelScale", "split", "validation", "trainSize",
                "snapshots", "snapshotSteps", "samples", "classes", "separation", "seed"));
        String dataset = choice("data.dataset", require(m, "data.dataset", "mnist | synthetic"), List.of("mnist", "synthetic"));
        PixelScale scale = PixelScale.ZERO_TO_ONE;
        if (m.containsKey("pixelScale")) {
            scale = PixelScale.valueOf(choice("data.pixelScale", m.get("pixelScale"),
                    List.of("zero-to-one", "minus-one-to-one")).toUpperCase(Locale.ROOT).replace('-', '_'));
        }
        double[] synthetic = null;
        if (dataset.equals("mnist")) {
            for (String k : List.of("samples", "classes", "separation", "seed")) {
                if (m.containsKey(k)) {
                    throw bad("data." + k, m.get(k), "only for dataset synthetic");
                }
            }
            if (widths[0] != 784 || widths[widths.length - 1] != 10) {
                throw bad("widths", java.util.Arrays.toString(widths), "784 inputs and 10 outputs for MNIST");
            }
        } else {
            int samples = m.containsKey("samples") ? positive("data.samples", m.get("samples")) : 600;
            int classes = m.containsKey("classes") ? positive("data.classes", m.get("classes")) : widths[widths.length - 1];
            if (classes != widths[widths.length - 1] || classes < 2) {
                throw bad("data.classes", classes, "the output width " + widths[widths.length - 1] + " (at least 2)");
            }
            double sep = m.containsKey("separation") ? number("data.separation", m.get("separation")) : 3.0;
            long seed = m.containsKey("seed") ? longValue("data.seed", m.get("seed")) : 1;
            synthetic = new double[] {samples, classes, widths[0], sep, seed};
        }
        int splitTrain = 0;
        long splitSeed = 0;
        if (m.containsKey("split")) {
            Map<String, Object> s = map("data.split", m.get("split"), Set.of("train", "seed"));
            splitTrain = positive("data.split.train", require(s, "data.split.train", "the number of training samples, e.g. 50000"));
            splitSeed = s.containsKey("seed") ? longValue("data.split.seed", s.get("seed")) : 0;
        }
        String validation = m.containsKey("validation")
                ? choice("data.validation", m.get("validation"), List.of("test", "split", "none"))
                : splitTrain > 0 ? "split" : "test";
        if (validation.equals("split") && splitTrain == 0) {
            throw bad("data.validation", "split", "test or none unless data.split is given");
        }
        int trainSize = m.containsKey("trainSize") ? perProfile("data.trainSize", m.get("trainSize"), 1) : 0;
        int snapshots = m.containsKey("snapshots") ? nonNegative("data.snapshots", m.get("snapshots")) : 0;
        long[] steps = new long[0];
        boolean mao = false;
        if (m.containsKey("snapshotSteps")) {
            Object st = m.get("snapshotSteps");
            if (snapshots == 0) {
                throw bad("data.snapshotSteps", describe(st), "only with data.snapshots > 0 (the samples to predict)");
            }
            if (st instanceof List<?> l) {
                steps = new long[l.size()];
                for (int i = 0; i < steps.length; i++) {
                    steps[i] = positive("data.snapshotSteps[" + i + "]", l.get(i));
                }
            } else {
                mao = choice("data.snapshotSteps", st, List.of("mao")).equals("mao");
            }
        }
        return new TrainJob.Data(dataset, scale, splitTrain, splitSeed, validation, trainSize, snapshots, synthetic,
                steps, mao);
    }

    // ---- typed access with one-line errors ----

    private int perProfile(String field, Object o, int min) {
        Object v = o;
        if (o instanceof Map) {
            Map<String, Object> m = map(field, o, Set.of("smoke", "quick", "paper"));
            String key = profile.name().toLowerCase(Locale.ROOT);
            v = require(m, field + "." + key, "a value for each profile: smoke, quick, paper");
            field = field + "." + key;
        }
        int n = intValue(field, v);
        if (n < min) {
            throw bad(field, n, "an integer >= " + min);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String field, Object o, Set<String> allowed) {
        if (!(o instanceof Map)) {
            throw bad(field.isEmpty() ? "(top level)" : field, describe(o), "a mapping with fields "
                    + String.join(", ", sorted(allowed)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> en : ((Map<?, ?>) o).entrySet()) {
            String k = String.valueOf(en.getKey());
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown field '" + (field.isEmpty() ? "" : field + ".") + k
                        + "'; allowed: " + String.join(", ", sorted(allowed)));
            }
            m.put(k, en.getValue());
        }
        return m;
    }

    private Object require(Map<String, Object> m, String field, String expected) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        Object v = m.get(key);
        if (v == null) {
            throw bad(field, "missing", expected);
        }
        return v;
    }

    private String choice(String field, Object o, List<String> allowed) {
        String s = o instanceof String str ? str.strip().toLowerCase(Locale.ROOT).replace('_', '-') : null;
        if (s == null || !allowed.contains(s)) {
            throw bad(field, o, "one of " + String.join(", ", allowed));
        }
        return s;
    }

    private String string(String field, Object o) {
        if (!(o instanceof String s) || s.isBlank()) {
            throw bad(field, o, "a non-empty string");
        }
        return s;
    }

    private boolean bool(String field, Object o) {
        if (!(o instanceof Boolean b)) {
            throw bad(field, o, "true or false");
        }
        return b;
    }

    private double number(String field, Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            // YAML 1.1 reads 1e-3 (no dot) as a string; accept what Java reads as a number
            try {
                double d = Double.parseDouble(s.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error
            }
        }
        throw bad(field, o, "a finite number");
    }

    private long longValue(String field, Object o) {
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        if (o instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw bad(field, o, "an integer");
    }

    private int intValue(String field, Object o) {
        long v = longValue(field, o);
        if (v != (int) v) {
            throw bad(field, o, "an integer below 2^31");
        }
        return (int) v;
    }

    private int positive(String field, Object o) {
        int v = o instanceof Integer || o instanceof Long ? intValue(field, o) : 0;
        if (!(o instanceof Integer || o instanceof Long) || v < 1) {
            throw bad(field, o, "a positive integer");
        }
        return v;
    }

    private int nonNegative(String field, Object o) {
        int v = o instanceof Integer || o instanceof Long ? intValue(field, o) : -1;
        if (v < 0) {
            throw bad(field, o, "an integer >= 0");
        }
        return v;
    }

    private <T> T checked(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": " + field + ": " + e.getMessage(), e);
        }
    }

    private IllegalArgumentException bad(String field, Object found, String expected) {
        return new IllegalArgumentException(file + ": " + field + ": expected " + expected + ", found "
                + (found instanceof String s && !s.equals("missing") ? "'" + s + "'" : describe(found)));
    }

    private static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o instanceof Map) {
            return "a mapping";
        }
        if (o instanceof List) {
            return "a list";
        }
        return String.valueOf(o);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
