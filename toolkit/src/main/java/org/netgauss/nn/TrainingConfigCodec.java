package org.netgauss.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one schema of a {@link TrainingConfig}: the fields a YAML config file, a JSON config file, a run's manifest
 * ({@link TrainingConfigJson#toJson}) and a shard job hold, read from one parsed tree (maps, lists, strings,
 * numbers, booleans; SnakeYAML gives one, {@link #tree} turns Gson's into one) with one set of checks and one-line
 * messages "source: field: expected ..., found ...". Unknown fields are errors at every level.
 *
 * <p>Fields and defaults: {@code widths} (required), {@code bias} (true), {@code activation} (relu | tanh |
 * identity), {@code loss} (cross-entropy | mse), {@code init} (torch-default, alias uniform | gaussian |
 * glorot-uniform | glorot-normal | orthogonal, or {@code {scheme, gain}}, or the manifest's {@code gaussian(g=2.0)}),
 * {@code optimizer} ({@code {type: sgd | adam | adamw, lr, ...}} with torch's names and defaults; adam 1e-3),
 * {@code batchSize} (100), {@code epochs} (required), {@code ensembleSize} (1), {@code members}
 * ({@code {first, count}}, or the manifest's {@code firstMember}, {@code memberCount}), {@code dataOrder}
 * (independent | shared), {@code seed} (0), {@code checkpointEvery} (1), {@code scheduler}
 * (ReduceLROnPlateau on the train loss), {@code earlyStopping} (on the validation loss). In a config file
 * {@code epochs}, {@code ensembleSize} may be given per profile, {@code {smoke: .., quick: .., paper: ..}}.
 */
public final class TrainingConfigCodec {
    /** The fields of a training config. */
    public static final Set<String> FIELDS = Set.of("widths", "bias", "activation", "loss", "init", "optimizer",
            "batchSize", "epochs", "ensembleSize", "members", "firstMember", "memberCount", "dataOrder", "seed",
            "checkpointEvery", "scheduler", "earlyStopping");
    private static final List<String> SCHEMES = List.of("torch-default", "uniform", "gaussian", "glorot-uniform",
            "glorot-normal", "orthogonal");
    private static final Pattern NAMED_INIT = Pattern.compile("([a-z-]+)\\((?:g|gain)=([^)]+)\\)");

    private TrainingConfigCodec() {
    }

    /**
     * The config a JSON object holds (a manifest's {@code config}, a shard job's, a JSON config file without
     * {@code data}); {@code source} names it in messages.
     *
     * @throws IllegalArgumentException one line naming the source and the field
     */
    public static TrainingConfig fromJson(String source, JsonObject o) {
        ConfigFields f = new ConfigFields(source, null);
        return read(f, f.map("", tree(o), FIELDS));
    }

    /**
     * The training config among the fields {@code c} of a document ({@code c} may hold other fields too, e.g. a
     * config file's {@code name} and {@code data}: the caller checks the top level).
     */
    public static TrainingConfig read(ConfigFields f, Map<String, Object> c) {
        int[] widths = widths(f, c.get("widths"));
        boolean bias = !c.containsKey("bias") || f.bool("bias", c.get("bias"));
        Activation act = c.containsKey("activation")
                ? Activation.named(f.choice("activation", c.get("activation"), List.of("relu", "tanh", "identity")))
                : Activation.RELU;
        Loss loss = c.containsKey("loss") && f.choice("loss", c.get("loss"), List.of("cross-entropy", "mse"))
                .equals("mse") ? Loss.MSE : Loss.CROSS_ENTROPY;
        Mlp mlp = new Mlp(widths, bias, act, loss);
        WeightInit init = c.containsKey("init") ? init(f, c.get("init")) : WeightInit.torchDefault();
        Optimizer opt = c.containsKey("optimizer") ? optimizer(f, c.get("optimizer")) : Optimizer.adam(1e-3);
        int batch = c.containsKey("batchSize") ? f.positive("batchSize", c.get("batchSize")) : 100;
        int epochs = f.perProfile("epochs", f.require(c, "epochs",
                "a number of epochs, or {smoke: .., quick: .., paper: ..}"), 0);
        int e = f.perProfile("ensembleSize", c.getOrDefault("ensembleSize", 1), 1);
        int[] range = members(f, c, e);
        DataOrder order = c.containsKey("dataOrder") ? DataOrder.valueOf(f.choice("dataOrder", c.get("dataOrder"),
                List.of("independent", "shared")).toUpperCase(Locale.ROOT)) : DataOrder.INDEPENDENT;
        long seed = c.containsKey("seed") ? f.longValue("seed", c.get("seed")) : 0;
        int every = c.containsKey("checkpointEvery") ? f.positive("checkpointEvery", c.get("checkpointEvery")) : 1;
        PlateauScheduler sched = c.containsKey("scheduler") ? scheduler(f, c.get("scheduler")) : null;
        EarlyStopping stop = c.containsKey("earlyStopping") ? earlyStopping(f, c.get("earlyStopping")) : null;
        return f.checked("config", () -> new TrainingConfig(mlp, init, opt, batch, epochs, seed, e, range[0], range[1],
                order, sched, stop, every));
    }

    /**
     * A Gson tree as the plain tree {@link ConfigFields} reads: objects as maps (in order), arrays as lists,
     * integral numbers as {@code Long}, other numbers as {@code Double}, strings, booleans, null.
     */
    public static Object tree(JsonElement e) {
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (e.isJsonObject()) {
            Map<String, Object> m = new LinkedHashMap<>();
            e.getAsJsonObject().entrySet().forEach(en -> m.put(en.getKey(), tree(en.getValue())));
            return m;
        }
        if (e.isJsonArray()) {
            List<Object> l = new ArrayList<>();
            e.getAsJsonArray().forEach(x -> l.add(tree(x)));
            return l;
        }
        var p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean();
        }
        if (p.isString()) {
            return p.getAsString();
        }
        BigDecimal d = p.getAsBigDecimal();
        String text = p.getAsString();
        boolean integral = !text.contains(".") && !text.contains("e") && !text.contains("E");
        if (integral && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return d.longValueExact();
        }
        return d.doubleValue();
    }

    private static int[] widths(ConfigFields f, Object o) {
        if (o == null) {
            throw f.bad("widths", "missing", "a list of layer widths from input to output, e.g. [784, 10, 10, 10, 10]");
        }
        if (!(o instanceof List<?> l) || l.size() < 2) {
            throw f.bad("widths", ConfigFields.describe(o), "a list of at least two positive widths, e.g. [784, 100, 10]");
        }
        int[] w = new int[l.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = f.positive("widths[" + i + "]", l.get(i));
        }
        return w;
    }

    /** {first, count} of the ensemble's members this run trains: {@code members} or the manifest's two fields. */
    private static int[] members(ConfigFields f, Map<String, Object> c, int e) {
        int first = 0;
        int count = e;
        boolean split = c.containsKey("firstMember") || c.containsKey("memberCount");
        if (c.containsKey("members")) {
            if (split) {
                throw f.bad("members", "also firstMember/memberCount", "one of members: {first, count} or"
                        + " firstMember and memberCount");
            }
            Map<String, Object> m = f.map("members", c.get("members"), Set.of("first", "count"));
            first = m.containsKey("first") ? f.nonNegative("members.first", m.get("first")) : 0;
            count = m.containsKey("count") ? f.positive("members.count", m.get("count")) : e - first;
        } else if (split) {
            first = c.containsKey("firstMember") ? f.nonNegative("firstMember", c.get("firstMember")) : 0;
            count = c.containsKey("memberCount") ? f.positive("memberCount", c.get("memberCount")) : e - first;
        }
        if (first + (long) count > e || count < 1) {
            throw f.bad("members", "[" + first + ", " + (first + (long) count) + ")", "a non-empty range inside [0, "
                    + e + ") (ensembleSize " + e + ")");
        }
        return new int[] {first, count};
    }

    private static WeightInit init(ConfigFields f, Object o) {
        String scheme;
        double gain = 1;
        if (o instanceof Map) {
            Map<String, Object> m = f.map("init", o, Set.of("scheme", "gain"));
            scheme = f.choice("init.scheme", f.require(m, "init.scheme", String.join(" | ", SCHEMES)), SCHEMES);
            if (m.containsKey("gain")) {
                gain = positiveGain(f, m.get("gain"));
            }
        } else {
            Matcher named = o instanceof String s ? NAMED_INIT.matcher(s.strip()) : null;
            if (named != null && named.matches() && SCHEMES.contains(named.group(1))) {
                scheme = named.group(1); // the manifest's form, e.g. gaussian(g=2.0), orthogonal(gain=1.5)
                gain = positiveGain(f, named.group(2));
            } else if (o instanceof String s && !SCHEMES.contains(s.strip().toLowerCase(Locale.ROOT))) {
                throw f.bad("init", o, "one of " + String.join(", ", SCHEMES) + " (or {scheme, gain}); an"
                        + " initialisation that is not built in cannot be rebuilt from its name: pass the WeightInit");
            } else {
                scheme = f.choice("init", o, SCHEMES);
            }
        }
        if ((scheme.equals("torch-default") || scheme.equals("uniform")) && gain != 1) {
            throw f.bad("init.gain", gain, "1 for torch-default (U(±1/sqrt(fan_in)) has no gain); use gaussian or glorot-*");
        }
        return switch (scheme) {
            case "torch-default", "uniform" -> WeightInit.torchDefault();
            case "gaussian" -> WeightInit.gaussian(gain);
            case "glorot-uniform" -> WeightInit.glorotUniform(gain);
            case "glorot-normal" -> WeightInit.glorotNormal(gain);
            default -> WeightInit.orthogonal(gain);
        };
    }

    private static double positiveGain(ConfigFields f, Object o) {
        double gain = f.number("init.gain", o);
        if (!(gain > 0)) {
            throw f.bad("init.gain", o, "a positive number");
        }
        return gain;
    }

    private static Optimizer optimizer(ConfigFields f, Object o) {
        Map<String, Object> m = f.map("optimizer", o, Set.of("type", "lr", "momentum", "dampening", "nesterov",
                "weightDecay", "beta1", "beta2", "eps"));
        String type = f.choice("optimizer.type", f.require(m, "optimizer.type", "sgd | adam | adamw"),
                List.of("sgd", "adam", "adamw"));
        Set<String> allowed = type.equals("sgd") ? Set.of("type", "lr", "momentum", "dampening", "nesterov", "weightDecay")
                : Set.of("type", "lr", "beta1", "beta2", "eps", "weightDecay");
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(f.source() + ": unknown field 'optimizer." + k + "' for type "
                        + type + "; allowed: " + String.join(", ", ConfigFields.sorted(allowed)));
            }
        }
        double lr = f.number("optimizer.lr", f.require(m, "optimizer.lr", "a positive learning rate, e.g. 1.0e-3"));
        double wd = m.containsKey("weightDecay") ? f.number("optimizer.weightDecay", m.get("weightDecay"))
                : type.equals("adamw") ? 0.01 : 0;
        if (type.equals("sgd")) {
            return f.checked("optimizer", () -> new Optimizer.Sgd(lr,
                    m.containsKey("momentum") ? f.number("optimizer.momentum", m.get("momentum")) : 0,
                    m.containsKey("dampening") ? f.number("optimizer.dampening", m.get("dampening")) : 0,
                    m.containsKey("nesterov") && f.bool("optimizer.nesterov", m.get("nesterov")), wd));
        }
        double b1 = m.containsKey("beta1") ? f.number("optimizer.beta1", m.get("beta1")) : 0.9;
        double b2 = m.containsKey("beta2") ? f.number("optimizer.beta2", m.get("beta2")) : 0.999;
        double eps = m.containsKey("eps") ? f.number("optimizer.eps", m.get("eps")) : 1e-8;
        return f.checked("optimizer", () -> type.equals("adam") ? new Optimizer.Adam(lr, b1, b2, eps, wd)
                : new Optimizer.AdamW(lr, b1, b2, eps, wd));
    }

    /** ReduceLROnPlateau on the train loss; the manifest also records its fixed type, monitor and mode. */
    private static PlateauScheduler scheduler(ConfigFields f, Object o) {
        Map<String, Object> s = f.map("scheduler", o, Set.of("factor", "patience", "threshold", "minLr", "type",
                "monitor", "thresholdMode"));
        fixed(f, s, "scheduler.type", "reduce-lr-on-plateau");
        fixed(f, s, "scheduler.monitor", "train-loss");
        fixed(f, s, "scheduler.thresholdMode", "rel");
        PlateauScheduler d = PlateauScheduler.wolinskiArbel();
        return f.checked("scheduler", () -> new PlateauScheduler(
                s.containsKey("factor") ? f.number("scheduler.factor", s.get("factor")) : d.factor(),
                s.containsKey("patience") ? f.nonNegative("scheduler.patience", s.get("patience")) : d.patience(),
                s.containsKey("threshold") ? f.number("scheduler.threshold", s.get("threshold")) : d.threshold(),
                s.containsKey("minLr") ? f.number("scheduler.minLr", s.get("minLr")) : d.minLr()));
    }

    private static EarlyStopping earlyStopping(ConfigFields f, Object o) {
        Map<String, Object> s = f.map("earlyStopping", o, Set.of("patience", "minRelImprovement", "monitor"));
        fixed(f, s, "earlyStopping.monitor", "validation-loss");
        EarlyStopping d = EarlyStopping.wolinskiArbel();
        return f.checked("earlyStopping", () -> new EarlyStopping(
                s.containsKey("patience") ? f.positive("earlyStopping.patience", s.get("patience")) : d.patience(),
                s.containsKey("minRelImprovement") ? f.number("earlyStopping.minRelImprovement",
                        s.get("minRelImprovement")) : d.minRelImprovement()));
    }

    /** A field that, when present, can only hold one value (it documents what the code does). */
    private static void fixed(ConfigFields f, Map<String, Object> m, String field, String only) {
        String key = field.substring(field.indexOf('.') + 1);
        if (m.containsKey(key)) {
            f.choice(field, m.get(key), List.of(only));
        }
    }
}
