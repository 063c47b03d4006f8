package org.netgauss.preact;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The committed paper-size results of Wolinski &amp; Arbel (TMLR 2025) in {@code results/wolinski-arbel/}, as the
 * {@code netgauss preact ... --json} commands listed in its {@code commands.tsv} printed them, read back into the
 * same long tables the toolkit computes ({@link TwoLayerKsExperiment.Result#toTable()},
 * {@link PropagationResult#toTable(List)}, {@link CorrelationResult#toTable()}), so a notebook draws the same charts
 * from either.
 *
 * @param ks              2-layer KS vs width: configuration, activation, n, ks, ks_pvalue, variance, excess_kurtosis
 * @param ksNetworks      N per KS point
 * @param deep            per-layer Gaussianity through depth on x = 1, one block of rows per activation
 * @param deepMnist       the same on one MNIST test image (empty table if not committed)
 * @param deepNetworks    N per layer of the deep propagation
 * @param correlations    class-by-class mean correlations: activation, layer, class_a, class_b, correlation
 * @param initialisations n_init of the correlations
 */
public record WolinskiArbelResults(Table ks, int ksNetworks, Table deep, Table deepMnist, int deepNetworks,
        Table correlations, int initialisations) {

    /** The results folder's KS file. */
    public static final String KS_FILE = "ks-vs-width.json";

    /**
     * Reads the folder, or gives empty if it holds no {@value #KS_FILE} (nothing committed: compute instead).
     *
     * @throws IllegalArgumentException naming the file, if a file is malformed or the parts disagree
     */
    public static Optional<WolinskiArbelResults> read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(KS_FILE))) {
            return Optional.empty();
        }
        JsonObject k = json(dir.resolve(KS_FILE));
        Table ks = ks(k);
        List<JsonObject> deep = new ArrayList<>();
        List<JsonObject> deepMnist = new ArrayList<>();
        List<JsonObject> corr = new ArrayList<>();
        for (Path f : files(dir)) {
            String name = f.getFileName().toString();
            if (name.startsWith("deep-mnist-")) {
                deepMnist.add(json(f));
            } else if (name.startsWith("deep-")) {
                deep.add(json(f));
            } else if (name.startsWith("correlations-")) {
                corr.add(json(f));
            }
        }
        int deepN = deep.isEmpty() ? 0 : intOf(deep.get(0), "networks", dir);
        int inits = corr.isEmpty() ? 0 : intOf(corr.get(0), "initialisations", dir);
        return Optional.of(new WolinskiArbelResults(ks, intOf(k, "networks", dir), propagation(deep), propagation(deepMnist),
                deepN, correlations(corr), inits));
    }

    /** The KS noise floor of N draws, 0.87/√N (the median KS distance of a true N(0,1) sample). */
    public static double ksNoiseFloor(int networks) {
        return 0.87 / Math.sqrt(networks);
    }

    /** The authors' stored KS distances at cfg2, n = 10 (docs/spec/gaussian-preact.md §4 item 11). */
    private static final java.util.Map<String, Double> AUTHORS_CFG2_N10 = new java.util.LinkedHashMap<>(java.util.Map.of(
            "phi_o(theta=3)", 0.0072, "phi_p(theta=3)", 0.0037, "relu", 0.0442, "tanh", 0.0909));

    /**
     * Our KS distances at cfg2, n = 10 beside the authors' stored run for phi^o_3, phi^p_3, ReLU and tanh
     * (docs/spec/gaussian-preact.md §4 item 11: agreement within 0.003 to 0.004 at N = 200 000), for the activations of
     * the table that have such a value.
     */
    public static Table authorsSpotCheck(Table ks) {
        StringColumn act = StringColumn.create("activation");
        DoubleColumn ours = DoubleColumn.create("ks");
        DoubleColumn theirs = DoubleColumn.create("authors' run");
        for (int r = 0; r < ks.rowCount(); r++) {
            String a = ks.stringColumn("activation").get(r);
            if ("cfg2".equals(ks.stringColumn("configuration").get(r)) && ks.intColumn("n").get(r) == 10
                    && AUTHORS_CFG2_N10.containsKey(a)) {
                act.append(a);
                ours.append(ks.doubleColumn("ks").get(r));
                theirs.append(AUTHORS_CFG2_N10.get(a));
            }
        }
        if (act.isEmpty()) {
            throw new IllegalArgumentException("the KS table has no cfg2, n = 10 row of " + AUTHORS_CFG2_N10.keySet());
        }
        return Table.create("cfg2, n = 10: KS distance to N(0,1), ours and the authors' run", act, ours, theirs);
    }

    /**
     * How much closer to N(0,1) the positive family phi^p_theta sits than ReLU and tanh: per configuration and
     * reference activation, the ratio KS(reference) / KS(phi^p_theta) over every theta and width n of the table,
     * as min, median and max (docs/spec/gaussian-preact.md §3a summarises it as "5-100x"). Ratios whose phi^p value
     * is at the noise floor are lower bounds.
     */
    public static Table closenessRatios(Table ks) {
        StringColumn cfg = StringColumn.create("configuration");
        StringColumn ref = StringColumn.create("reference");
        DoubleColumn min = DoubleColumn.create("min ratio");
        DoubleColumn med = DoubleColumn.create("median ratio");
        DoubleColumn max = DoubleColumn.create("max ratio");
        IntColumn count = IntColumn.create("pairs");
        for (String c : new java.util.TreeSet<>(ks.stringColumn("configuration").asList())) {
            Table rows = ks.where(ks.stringColumn("configuration").isEqualTo(c));
            for (String reference : List.of("relu", "tanh")) {
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < rows.rowCount(); r++) {
                    String a = rows.stringColumn("activation").get(r);
                    if (!a.startsWith("phi_p")) {
                        continue;
                    }
                    int n = rows.intColumn("n").get(r);
                    for (int q = 0; q < rows.rowCount(); q++) {
                        if (rows.stringColumn("activation").get(q).equals(reference) && rows.intColumn("n").get(q) == n) {
                            ratios.add(rows.doubleColumn("ks").get(q) / rows.doubleColumn("ks").get(r));
                        }
                    }
                }
                if (ratios.isEmpty()) {
                    continue;
                }
                double[] v = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                cfg.append(c);
                ref.append(reference);
                min.append(v[0]);
                med.append(v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
                max.append(v[v.length - 1]);
                count.append(v.length);
            }
        }
        return Table.create("KS(reference) / KS(phi^p_theta), over theta and n", cfg, ref, min, med, max, count);
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject json(Path f) {
        try {
            JsonElement e = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException(f + ": not a JSON object");
            }
            JsonObject o = e.getAsJsonObject();
            o.addProperty("__file", f.toString());
            return o;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(f + ": not valid JSON (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static int intOf(JsonObject o, String key, Object where) {
        if (!o.has(key) || !o.get(key).isJsonPrimitive()) {
            throw new IllegalArgumentException(o.has("__file") ? o.get("__file").getAsString() : where + ": no '" + key + "'");
        }
        return o.get(key).getAsInt();
    }

    private static JsonArray array(JsonObject o, String key) {
        if (!o.has(key) || !o.get(key).isJsonArray()) {
            throw new IllegalArgumentException(o.get("__file").getAsString() + ": no array '" + key + "'");
        }
        return o.getAsJsonArray(key);
    }

    private static double num(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
    }

    private static Table ks(JsonObject k) {
        StringColumn cfg = StringColumn.create("configuration");
        StringColumn act = StringColumn.create("activation");
        IntColumn n = IntColumn.create("n");
        DoubleColumn ks = DoubleColumn.create("ks");
        DoubleColumn p = DoubleColumn.create("ks_pvalue");
        DoubleColumn var = DoubleColumn.create("variance");
        DoubleColumn kurt = DoubleColumn.create("excess_kurtosis");
        for (JsonElement e : array(k, "points")) {
            JsonObject pt = e.getAsJsonObject();
            cfg.append(pt.get("configuration").getAsString().toLowerCase(Locale.ROOT));
            act.append(pt.get("activation").getAsString());
            n.append(pt.get("n").getAsInt());
            ks.append(num(pt, "ks"));
            p.append(num(pt, "ksPValue"));
            var.append(num(pt, "variance"));
            kurt.append(num(pt, "excessKurtosis"));
        }
        return Table.create("2-layer KS experiment (N = " + k.get("networks").getAsInt() + ")", cfg, act, n, ks, p, var, kurt);
    }

    private static Table propagation(List<JsonObject> runs) {
        StringColumn act = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        IntColumn width = IntColumn.create("width");
        DoubleColumn q = DoubleColumn.create("q_meanfield");
        IntColumn n = IntColumn.create("n");
        // the CLI's JSON keys (docs/schema/preact-propagate.schema.json) and the table's column names
        List<String> keys = List.of("mean", "variance", "excessKurtosis", "ks", "ksPValue", "wasserstein1", "ksQ",
                "wasserstein1Q");
        List<DoubleColumn> stats = Stream.of("mean", "variance", "excess_kurtosis", "ks", "ks_pvalue", "wasserstein1",
                "ks_q", "wasserstein1_q").map(DoubleColumn::create).toList();
        for (JsonObject r : runs) {
            for (JsonElement e : array(r, "layers")) {
                JsonObject l = e.getAsJsonObject();
                act.append(r.get("activation").getAsString());
                layer.append(l.get("layer").getAsInt());
                width.append(l.get("width").getAsInt());
                q.append(num(l, "qMeanField"));
                n.append(r.get("networks").getAsInt());
                for (int k = 0; k < stats.size(); k++) {
                    stats.get(k).append(num(l, keys.get(k)));
                }
            }
        }
        Table t = Table.create("pre-activation Gaussianity", act, layer, width, q, n);
        stats.forEach(t::addColumns);
        return t;
    }

    private static Table correlations(List<JsonObject> runs) {
        StringColumn act = StringColumn.create("activation");
        IntColumn layer = IntColumn.create("layer");
        IntColumn ca = IntColumn.create("class_a");
        IntColumn cb = IntColumn.create("class_b");
        DoubleColumn corr = DoubleColumn.create("correlation");
        for (JsonObject r : runs) {
            for (JsonElement e : array(r, "layers")) {
                JsonObject l = e.getAsJsonObject();
                JsonArray m = array(l, "byClass");
                for (int i = 0; i < m.size(); i++) {
                    JsonArray row = m.get(i).getAsJsonArray();
                    for (int j = 0; j < row.size(); j++) {
                        act.append(r.get("activation").getAsString());
                        layer.append(l.get("layer").getAsInt());
                        ca.append(i);
                        cb.append(j);
                        corr.append(row.get(j).isJsonNull() ? Double.NaN : row.get(j).getAsDouble());
                    }
                }
            }
        }
        return Table.create("class-by-class mean correlations", act, layer, ca, cb, corr);
    }
}
