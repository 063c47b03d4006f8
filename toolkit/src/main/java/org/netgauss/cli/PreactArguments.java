package org.netgauss.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PhiTheta;

/**
 * Parsing shared by the {@code preact} subcommands: activation names and width lists, and strict JSON numbers.
 *
 * <p>Activation names: {@code tanh}, {@code relu} (the paper's baselines at their initialisations, docs/spec/pigmm.md §2.2),
 * {@code phi-odd-THETA} and {@code phi-pos-THETA} (phi^o_theta / phi^p_theta with W(theta,1) weights, THETA one of
 * the tabulated values), {@code paper} (all 16 curves of the paper's KS figure).
 */
final class PreactArguments {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private PreactArguments() {
    }

    /** One or more initialisations from a name (see the class comment). */
    static List<Initialisation> initialisations(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.equals("paper")) {
            return Initialisation.paperSet();
        }
        return List.of(initialisation(n));
    }

    /** The initialisation named {@code name}. */
    static Initialisation initialisation(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        switch (n) {
            case "tanh":
                return Initialisation.tanh();
            case "relu":
                return Initialisation.relu();
            default:
                break;
        }
        PhiTheta.Family family;
        String theta;
        if (n.startsWith("phi-odd-")) {
            family = PhiTheta.Family.ODD;
            theta = n.substring("phi-odd-".length());
        } else if (n.startsWith("phi-pos-")) {
            family = PhiTheta.Family.POSITIVE;
            theta = n.substring("phi-pos-".length());
        } else {
            throw new IllegalArgumentException("unknown activation '" + name + "'; use tanh, relu, phi-odd-THETA,"
                    + " phi-pos-THETA (e.g. phi-pos-3) or paper");
        }
        double t;
        try {
            t = Double.parseDouble(theta);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("activation '" + name + "': theta '" + theta + "' is not a number;"
                    + " e.g. phi-odd-3 or phi-pos-2.05");
        }
        return Initialisation.of(PhiTheta.tabulated(family, t));
    }

    /** Widths from {@code A..B} or a comma list {@code 1,2,5}. */
    static int[] widths(String spec) {
        String s = spec.strip();
        try {
            int dots = s.indexOf("..");
            if (dots >= 0) {
                int lo = Integer.parseInt(s.substring(0, dots).strip());
                int hi = Integer.parseInt(s.substring(dots + 2).strip());
                if (lo < 1 || hi < lo) {
                    throw new IllegalArgumentException("--widths " + spec + ": need 1 <= A <= B in A..B");
                }
                int[] w = new int[hi - lo + 1];
                for (int i = 0; i < w.length; i++) {
                    w[i] = lo + i;
                }
                return w;
            }
            List<Integer> list = new ArrayList<>();
            for (String part : s.split(",")) {
                int v = Integer.parseInt(part.strip());
                if (v < 1) {
                    throw new IllegalArgumentException("--widths " + spec + ": widths must be >= 1, found " + v);
                }
                list.add(v);
            }
            return list.stream().mapToInt(Integer::intValue).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--widths " + spec + ": expected A..B (e.g. 1..10) or a comma list"
                    + " (e.g. 1,2,5)");
        }
    }

    /** A number, or {@code null} when it is not finite, so the output stays strict JSON. */
    static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    static String toJson(JsonElement e) {
        return GSON.toJson(e);
    }
}
