package org.netgauss.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of a {@link TrainingConfig}: what a run's manifest stores as {@code config}, what a
 * {@code train-shard} job file holds, and what a notebook reads back from a run
 * ({@code TrainingConfigJson.fromJson(run.config())}). {@link #fromJson} inverts {@link #toJson} for built-in
 * activations and initialisations and rejects unknown fields at every level, naming them, so a typo or a field of
 * another schema (e.g. a YAML config's {@code data}) never silently falls back to a default.
 */
public final class TrainingConfigJson {
    private static final Set<String> FIELDS = Set.of("widths", "bias", "activation", "loss", "init", "optimizer",
            "batchSize", "epochs", "seed", "ensembleSize", "firstMember", "memberCount", "dataOrder", "scheduler",
            "earlyStopping", "checkpointEvery");
    private static final Set<String> SGD = Set.of("type", "lr", "momentum", "dampening", "nesterov", "weightDecay");
    private static final Set<String> ADAM = Set.of("type", "lr", "beta1", "beta2", "eps", "weightDecay");
    private static final Set<String> SCHEDULER = Set.of("type", "monitor", "factor", "patience", "threshold",
            "thresholdMode", "minLr");
    private static final Set<String> EARLY_STOPPING = Set.of("monitor", "patience", "minRelImprovement");

    private TrainingConfigJson() {
    }

    /** The config as stored in the manifest (names for activation, init and loss). */
    public static JsonObject toJson(TrainingConfig c) {
        JsonObject o = new JsonObject();
        Mlp mlp = c.mlp();
        com.google.gson.JsonArray w = new com.google.gson.JsonArray();
        for (int x : mlp.widths()) {
            w.add(x);
        }
        o.add("widths", w);
        o.addProperty("bias", mlp.bias());
        o.addProperty("activation", mlp.activation().name());
        o.addProperty("loss", mlp.loss().name().toLowerCase(Locale.ROOT));
        o.addProperty("init", c.init().name());
        JsonObject opt = new JsonObject();
        Optimizer optimizer = c.optimizer();
        if (optimizer instanceof Optimizer.Sgd s) {
            opt.addProperty("type", "sgd");
            opt.addProperty("lr", s.lr());
            opt.addProperty("momentum", s.momentum());
            opt.addProperty("dampening", s.dampening());
            opt.addProperty("nesterov", s.nesterov());
            opt.addProperty("weightDecay", s.weightDecay());
        } else if (optimizer instanceof Optimizer.Adam a) {
            adamJson(opt, "adam", a.lr(), a.beta1(), a.beta2(), a.eps(), a.weightDecay());
        } else if (optimizer instanceof Optimizer.AdamW a) {
            adamJson(opt, "adamw", a.lr(), a.beta1(), a.beta2(), a.eps(), a.weightDecay());
        }
        o.add("optimizer", opt);
        o.addProperty("batchSize", c.batchSize());
        o.addProperty("epochs", c.epochs());
        o.addProperty("seed", c.seed());
        o.addProperty("ensembleSize", c.ensembleSize());
        o.addProperty("firstMember", c.firstMember());
        o.addProperty("memberCount", c.memberCount());
        o.addProperty("dataOrder", c.dataOrder().name().toLowerCase(Locale.ROOT));
        if (c.scheduler() != null) {
            JsonObject s = new JsonObject();
            s.addProperty("type", "reduce-lr-on-plateau");
            s.addProperty("monitor", "train_loss");
            s.addProperty("factor", c.scheduler().factor());
            s.addProperty("patience", c.scheduler().patience());
            s.addProperty("threshold", c.scheduler().threshold());
            s.addProperty("thresholdMode", "rel");
            s.addProperty("minLr", c.scheduler().minLr());
            o.add("scheduler", s);
        }
        if (c.earlyStopping() != null) {
            JsonObject s = new JsonObject();
            s.addProperty("monitor", "validation_loss");
            s.addProperty("patience", c.earlyStopping().patience());
            s.addProperty("minRelImprovement", c.earlyStopping().minRelImprovement());
            o.add("earlyStopping", s);
        }
        o.addProperty("checkpointEvery", c.checkpointEvery());
        return o;
    }

    /**
     * The config stored by {@link #toJson}, rebuilt: the inverse for built-in activations (relu, tanh,
     * identity) and initialisations (torch-default, gaussian, glorot-uniform, glorot-normal, orthogonal). A run
     * made with a custom activation or sampler cannot be rebuilt from its names alone: pass the objects again.
     *
     * @throws IllegalArgumentException naming the field that is missing or unknown
     */
    public static TrainingConfig fromJson(JsonObject o) {
        known("", o, FIELDS);
        try {
            int[] widths = new com.google.gson.Gson().fromJson(o.get("widths"), int[].class);
            Loss loss = Loss.valueOf(o.get("loss").getAsString().toUpperCase(Locale.ROOT));
            Mlp mlp = new Mlp(widths, o.get("bias").getAsBoolean(), Activation.named(o.get("activation").getAsString()), loss);
            JsonObject op = o.getAsJsonObject("optimizer");
            String type = op.get("type").getAsString();
            known("optimizer.", op, type.equals("sgd") ? SGD : ADAM);
            Optimizer opt = switch (type) {
                case "sgd" -> new Optimizer.Sgd(op.get("lr").getAsDouble(), op.get("momentum").getAsDouble(),
                        op.get("dampening").getAsDouble(), op.get("nesterov").getAsBoolean(), op.get("weightDecay").getAsDouble());
                case "adam" -> new Optimizer.Adam(op.get("lr").getAsDouble(), op.get("beta1").getAsDouble(),
                        op.get("beta2").getAsDouble(), op.get("eps").getAsDouble(), op.get("weightDecay").getAsDouble());
                case "adamw" -> new Optimizer.AdamW(op.get("lr").getAsDouble(), op.get("beta1").getAsDouble(),
                        op.get("beta2").getAsDouble(), op.get("eps").getAsDouble(), op.get("weightDecay").getAsDouble());
                default -> throw new IllegalArgumentException("unknown optimizer type '" + type + "' (sgd, adam, adamw)");
            };
            PlateauScheduler sched = null;
            if (o.has("scheduler")) {
                JsonObject sc = o.getAsJsonObject("scheduler");
                known("scheduler.", sc, SCHEDULER);
                sched = new PlateauScheduler(sc.get("factor").getAsDouble(), sc.get("patience").getAsInt(),
                        sc.get("threshold").getAsDouble(), sc.get("minLr").getAsDouble());
            }
            EarlyStopping es = null;
            if (o.has("earlyStopping")) {
                JsonObject e = o.getAsJsonObject("earlyStopping");
                known("earlyStopping.", e, EARLY_STOPPING);
                es = new EarlyStopping(e.get("patience").getAsInt(), e.get("minRelImprovement").getAsDouble());
            }
            return new TrainingConfig(mlp, initNamed(o.get("init").getAsString()), opt, o.get("batchSize").getAsInt(),
                    o.get("epochs").getAsInt(), o.get("seed").getAsLong(), o.get("ensembleSize").getAsInt(),
                    o.get("firstMember").getAsInt(), o.get("memberCount").getAsInt(),
                    DataOrder.valueOf(o.get("dataOrder").getAsString().toUpperCase(Locale.ROOT)), sched, es,
                    o.get("checkpointEvery").getAsInt());
        } catch (NullPointerException | IllegalStateException | UnsupportedOperationException e) {
            throw new IllegalArgumentException("config JSON is missing a field or has a wrong type (" + e.getMessage()
                    + "); expected the object written by Training.configJson: " + o, e);
        }
    }

    private static WeightInit initNamed(String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([a-z-]+)(?:\\((?:g|gain)=([^)]+)\\))?").matcher(name);
        if (m.matches()) {
            double p = m.group(2) == null ? 1.0 : Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "torch-default": return WeightInit.torchDefault();
                case "gaussian": return WeightInit.gaussian(p);
                case "glorot-uniform": return WeightInit.glorotUniform(p);
                case "glorot-normal": return WeightInit.glorotNormal(p);
                case "orthogonal": return WeightInit.orthogonal(p);
                default: break;
            }
        }
        throw new IllegalArgumentException("initialisation '" + name + "' is not built in (torch-default, gaussian(g=..), "
                + "glorot-uniform(gain=..), glorot-normal(gain=..), orthogonal(gain=..)); pass the WeightInit object");
    }

    private static void adamJson(JsonObject opt, String type, double lr, double b1, double b2, double eps, double wd) {
        opt.addProperty("type", type);
        opt.addProperty("lr", lr);
        opt.addProperty("beta1", b1);
        opt.addProperty("beta2", b2);
        opt.addProperty("eps", eps);
        opt.addProperty("weightDecay", wd);
    }

    /** How the run's seeds derive, for the manifest's {@code seeds} field. */
    static JsonObject seeds(TrainingConfig c) {
        JsonObject s = new JsonObject();
        s.addProperty("run", c.seed());
        s.addProperty("derivation", "Seeds.derive(run, member, purpose, extra) = mix64(mix64(mix64(mix64(run) + member*G1)"
                + " + purpose*G2) + extra*G3), mix64 = SplitMix64 finaliser, G1=0x9E3779B97F4A7C15, G2=0xC2B2AE3D27D4EB4F,"
                + " G3=0x165667B19E3779F9; generator SplitMix64 (org.netgauss.nn.Rng)");
        s.addProperty("init", "purpose 1 (INIT), extra 0; layers W1,b1,W2,b2,... filled row-major in turn");
        s.addProperty("dataOrder", c.dataOrder() == DataOrder.INDEPENDENT
                ? "purpose 2 (DATA_ORDER), extra = epoch (1-based); Fisher-Yates permutation"
                : "purpose 3 (SHARED_DATA_ORDER), member -1, extra = epoch; one permutation for all members");
        return s;
    }

    /** The member range, for the manifest's {@code members} field. */
    static JsonObject members(TrainingConfig c) {
        JsonObject m = new JsonObject();
        m.addProperty("ensembleSize", c.ensembleSize());
        m.addProperty("first", c.firstMember());
        m.addProperty("count", c.memberCount());
        return m;
    }

    private static void known(String prefix, JsonObject o, Set<String> allowed) {
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown config field '" + prefix + e.getKey() + "'; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }
}
