package org.netgauss.perturbative;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.pigmm.PigmmParameters;
import tech.tablesaw.api.Table;

/**
 * The inputs of the first-order fit read from a study's compact results, without training
 * (docs/spec/perturbative.md §4, "Inputs"): {@code <results>/<setting>/pigmm.csv} (epoch, layer, D, f1..f13),
 * {@code deviations.csv} (epoch, layer, invariant, observed, sd) and {@code provenance.json} (setup.networks = N).
 * The same from the two tables in memory, for notebooks that computed them from their own runs.
 */
public final class CommittedResults {
    private CommittedResults() {
    }

    /**
     * Every (epoch, layer) of a setting of a results folder that has both parameters and invariants, in the order of
     * {@code pigmm.csv}.
     */
    public static List<FitInput> read(Path results, String setting) {
        Path dir = results.resolve(setting);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such setting folder in " + results
                    + " (expected <results>/<setting>/pigmm.csv, deviations.csv, provenance.json)");
        }
        int members = members(dir.resolve("provenance.json"));
        List<String[]> pigmm = rows(dir.resolve("pigmm.csv"), "epoch", "layer", "D", "f1", "f13");
        List<String[]> deviations = rows(dir.resolve("deviations.csv"), "epoch", "layer", "invariant", "observed",
                "sd");
        return build(setting, members, pigmm, deviations, dir);
    }

    /** One (epoch, layer) of a setting of a results folder. */
    public static FitInput read(Path results, String setting, int epoch, String layer) {
        List<FitInput> all = read(results, setting);
        return all.stream().filter(i -> i.epoch() == epoch && i.layer().equals(layer)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(results.resolve(setting) + ": no epoch " + epoch
                        + " of layer " + layer + " with invariants (found " + all.stream().map(i -> i.epoch() + " "
                        + i.layer()).distinct().limit(8).toList() + (all.size() > 8 ? ", …" : "") + ")"));
    }

    /** Every (epoch, layer) from a {@code pigmm} and a {@code deviations} table with N networks. */
    public static List<FitInput> of(String setting, Table pigmm, Table deviations, int members) {
        return build(setting, members, rows(pigmm), rows(deviations), Path.of(setting));
    }

    /** The settings (sub-folders with a {@code pigmm.csv}) of a results folder, sorted. */
    public static List<String> settings(Path results) {
        try (var s = Files.list(results)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("pigmm.csv"))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(results + ": cannot list the results folder", e);
        }
    }

    private static List<FitInput> build(String setting, int members, List<String[]> pigmm, List<String[]> deviations,
                                        Path where) {
        String[] ph = pigmm.get(0);
        String[] dh = deviations.get(0);
        int pe = column(ph, "epoch", where), pl = column(ph, "layer", where), pd = column(ph, "D", where);
        int pf = column(ph, "f1", where);
        int de = column(dh, "epoch", where), dl = column(dh, "layer", where), di = column(dh, "invariant", where);
        int dobs = column(dh, "observed", where), dsd = column(dh, "sd", where);
        Map<String, List<String[]>> byKey = new LinkedHashMap<>();
        for (String[] r : deviations.subList(1, deviations.size())) {
            byKey.computeIfAbsent(r[de] + "/" + r[dl], k -> new ArrayList<>()).add(r);
        }
        List<FitInput> out = new ArrayList<>();
        for (String[] r : pigmm.subList(1, pigmm.size())) {
            String context = where + " epoch " + r[pe] + " layer " + r[pl];
            List<String[]> dev = byKey.get(r[pe] + "/" + r[pl]);
            if (dev == null) {
                continue; // the invariants are kept for fewer epochs than the parameters (the wide settings)
            }
            int epoch = (int) number(r[pe], context);
            int d = (int) number(r[pd], context);
            double[] f = new double[13];
            for (int k = 0; k < 13; k++) {
                f[k] = number(r[pf + k], context);
            }
            List<InvariantGraph> graphs = new ArrayList<>();
            double[] obs = new double[dev.size()];
            double[] sd = new double[dev.size()];
            for (int k = 0; k < obs.length; k++) {
                String[] x = dev.get(k);
                try {
                    graphs.add(ObservedInvariants.graph(x[di]));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(context + ": bad invariant '" + x[di] + "' in deviations.csv");
                }
                obs[k] = number(x[dobs], context);
                sd[k] = number(x[dsd], context);
            }
            out.add(new FitInput(setting, epoch, r[pl], PigmmParameters.of(d, f),
                    new ObservedInvariants(members, graphs, obs, sd)));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": no (epoch, layer) is in both pigmm.csv and deviations.csv");
        }
        return out;
    }

    private static int members(Path provenance) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(provenance, StandardCharsets.UTF_8))
                    .getAsJsonObject();
            JsonElement n = o.getAsJsonObject("setup").get("networks");
            return n.getAsInt();
        } catch (IOException e) {
            throw new UncheckedIOException(provenance + ": cannot read (N, the number of networks, comes from"
                    + " setup.networks)", e);
        } catch (JsonSyntaxException | IllegalStateException | NullPointerException | ClassCastException
                 | NumberFormatException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(provenance + ": no integer setup.networks (the number of networks N)");
        }
    }

    private static List<String[]> rows(Path csv, String... required) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(csv + ": cannot read", e);
        }
        List<String[]> out = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                out.add(line.split(",", -1));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(csv + ": empty file");
        }
        for (String r : required) {
            column(out.get(0), r, csv);
        }
        int width = out.get(0).length;
        for (int k = 1; k < out.size(); k++) {
            if (out.get(k).length != width) {
                throw new IllegalArgumentException(csv + ": line " + (k + 1) + " has " + out.get(k).length
                        + " fields, the header " + width);
            }
        }
        return out;
    }

    private static List<String[]> rows(Table t) {
        List<String[]> out = new ArrayList<>();
        out.add(t.columnNames().toArray(new String[0]));
        for (int r = 0; r < t.rowCount(); r++) {
            String[] x = new String[t.columnCount()];
            for (int c = 0; c < x.length; c++) {
                Object v = t.column(c).get(r);
                x[c] = v instanceof Double dv ? Double.toString(dv) : String.valueOf(v);
            }
            out.add(x);
        }
        return out;
    }

    private static int column(String[] header, String name, Object where) {
        for (int k = 0; k < header.length; k++) {
            if (header[k].trim().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException(where + ": no column '" + name + "' (found " + String.join(",", header)
                + ")");
    }

    private static double number(String s, String context) {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(context + ": '" + s + "' is not a finite number");
        }
    }
}
