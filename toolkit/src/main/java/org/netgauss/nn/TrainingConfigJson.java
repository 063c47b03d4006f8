package org.netgauss.nn;

import com.google.gson.JsonObject;
import java.util.Locale;

/**
 * The JSON form of a {@link TrainingConfig}: what a run's manifest stores as {@code config}, what a
 * {@code train-shard} job file holds, and what a notebook reads back from a run
 * ({@code TrainingConfigJson.fromJson(run.config())}). {@link #fromJson} inverts {@link #toJson} for built-in
 * activations and initialisations; it reads through {@link TrainingConfigCodec}, the one schema that config
 * files share, which rejects unknown fields at every level, naming them.
 */
public final class TrainingConfigJson {
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
     * The config stored by {@link #toJson}, rebuilt through the one schema of {@link TrainingConfigCodec}: the
     * inverse for built-in activations (relu, tanh, identity) and initialisations (torch-default, gaussian,
     * glorot-uniform, glorot-normal, orthogonal). A run made with a custom activation or sampler cannot be rebuilt
     * from its names alone: pass the objects again.
     *
     * @throws IllegalArgumentException one line naming the field that is missing, unknown or wrong
     */
    public static TrainingConfig fromJson(JsonObject o) {
        return TrainingConfigCodec.fromJson("config JSON", o);
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
}
