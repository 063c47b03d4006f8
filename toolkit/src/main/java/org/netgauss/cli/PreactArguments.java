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

    /** At most this many widths in one {@code --widths} list: each is a whole experiment. */
    static final int MAX_WIDTHS = 10_000;
    /**
     * Widest layer: the propagator holds an n x n weight block per network in one Java array, so n^2 must fit an
     * int.
     */
    static final int MAX_WIDTH = 46_340;

    /**
     * Refuses a propagation whose arrays cannot exist before any is allocated: a width beyond {@link #MAX_WIDTH},
     * or more doubles than the heap holds: one recorded sample per network and layer, plus per thread the
     * activations of a chunk of networks and one weight block.
     */
    static void checkPropagationSize(int[] widths, int networks, int threads) {
        long doubles = 0;
        int widest = 1;
        for (int w : widths) {
            if (w > MAX_WIDTH) {
                throw new IllegalArgumentException("width " + w + " is more than the propagator can hold (n^2 weights"
                        + " per network in one Java array: n <= " + MAX_WIDTH + ")");
            }
            widest = Math.max(widest, w);
        }
        doubles += (long) widths.length * networks;
        long chunk = Math.min(networks, org.netgauss.preact.PropagationConfig.CHUNK);
        doubles += (long) Math.max(1, threads) * (2 * chunk * widest + (long) widest * widest);
        long heap = Runtime.getRuntime().maxMemory();
        if (doubles > heap / 8) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d layers of width up to %d with %d"
                            + " networks need about %.1f GiB, more than this JVM's heap (%.1f GiB); use fewer networks,"
                            + " layers or threads, or raise the heap (NETGAUSS_JAVA_OPTS=-Xmx<size>)", widths.length,
                    widest, networks, doubles * 8.0 / (1L << 30), heap / (double) (1L << 30)));
        }
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
                if ((long) hi - lo + 1 > MAX_WIDTHS) {
                    throw new IllegalArgumentException("--widths " + spec + ": " + ((long) hi - lo + 1) + " widths, at"
                            + " most " + MAX_WIDTHS + " in one run");
                }
                int[] w = new int[hi - lo + 1];
                for (int i = 0; i < w.length; i++) {
                    w[i] = lo + i;
                }
                return w;
            }
            List<Integer> list = new ArrayList<>();
            if (s.split(",").length > MAX_WIDTHS) {
                throw new IllegalArgumentException("--widths: more than " + MAX_WIDTHS + " widths in one run");
            }
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
