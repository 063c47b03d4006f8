package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.Predictions;
import org.netgauss.store.Npy;
import org.netgauss.store.NpyArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netgauss inpca PROBS.npy}: InPCA (docs/spec/hyperribbon.md §1.3–1.4) of the models whose predicted probabilities
 * {@code [T, S, C]} are in a {@code .npy} file, with intensive Bhattacharyya distances (docs/spec/hyperribbon.md §1.2). Prints the
 * signed eigenvalues with their signature, the explained stress χ_k, and coordinates on the first K
 * directions; {@code --out} also writes the coordinates as a float64 {@code [T, K]} array.
 *
 * <p>Everything is validated before anything is written, so bad input leaves no file behind.
 */
@Command(name = "inpca",
        mixinStandardHelpOptions = true,
        description = "InPCA of model predictions: eigenvalues (signed, time-like < 0), explained stress,"
                + " coordinates.")
final class InpcaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBS.npy",
            description = "predicted probabilities [T models, S samples, C classes], float32 or float64")
    Path probabilities;

    @Option(names = "--components", paramLabel = "K",
            description = "directions with coordinates (default min(3, T), at most T)")
    Integer components;

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--out", paramLabel = "COORDS.npy", description = "also write the coordinates, float64 [T, K]")
    Path out;

    @Override
    public Integer call() {
        Predictions p = load(probabilities);
        if (p.models() < 2) {
            throw new IllegalArgumentException(probabilities + ": InPCA needs at least 2 models, found T = "
                    + p.models());
        }
        int k = components == null ? Math.min(3, p.models()) : components;
        if (k < 1 || k > p.models()) {
            throw new IllegalArgumentException("--components must be in [1, " + p.models() + "] for " + p.models()
                    + " models, found " + k);
        }
        InpcaEmbedding e = Inpca.embed(Inpca.bhattacharyya(p), k);
        if (out != null) {
            double[] flat = new double[e.size() * k];
            double[][] x = e.coordinates();
            for (int i = 0; i < x.length; i++) {
                System.arraycopy(x[i], 0, flat, i * k, k);
            }
            Npy.write(out, flat, e.size(), k);
        }
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(JsonOutput.toJson(toJson(probabilities, p, e)));
        } else {
            printText(w, p, e);
        }
        w.flush();
        return 0;
    }

    /** Reads and validates {@code [T, S, C]} probabilities; every message names the file. */
    static Predictions load(Path path) {
        NpyArray a = Npy.read(path); // its messages already name the file
        if (a.rank() != 3) {
            throw new IllegalArgumentException(path + ": expected probabilities of rank 3 [T, S, C], found shape "
                    + Arrays.toString(a.shape()) + "; stack the models' [S, C] predictions along a first axis");
        }
        int t = a.dim(0);
        int s = a.dim(1);
        int c = a.dim(2);
        try {
            return switch (a.dtype()) {
                case FLOAT32 -> Predictions.wrap(a.floats(), t, s, c, Predictions.DEFAULT_ROW_SUM_TOLERANCE);
                case FLOAT64 -> Predictions.wrap(a.doubles(), t, s, c, Predictions.DEFAULT_ROW_SUM_TOLERANCE);
                default -> throw new IllegalArgumentException("dtype " + a.dtype().descr()
                        + " holds no probabilities, expected float32 (<f4) or float64 (<f8)");
            };
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException(path + ": " + ex.getMessage(), ex);
        }
    }

    static JsonObject toJson(Path file, Predictions p, InpcaEmbedding e) {
        JsonObject o = new JsonObject();
        o.addProperty("file", file.toString());
        o.addProperty("models", p.models());
        o.addProperty("samples", p.samples());
        o.addProperty("classes", p.classes());
        o.addProperty("distance", "bhattacharyya (intensive, mean over samples)");
        o.addProperty("components", e.components());
        o.addProperty("timeLike", e.timeLikeCount());
        o.add("eigenvalues", array(e.eigenvalues()));
        JsonArray sig = new JsonArray();
        for (int s : e.signature()) {
            sig.add(s);
        }
        o.add("signature", sig);
        o.add("explainedStress", array(e.explainedStress()));
        JsonArray coords = new JsonArray();
        for (double[] row : e.coordinates()) {
            coords.add(array(row));
        }
        o.add("coordinates", coords);
        return o;
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(JsonOutput.number(x));
        }
        return a;
    }

    private void printText(PrintWriter w, Predictions p, InpcaEmbedding e) {
        w.printf(Locale.ROOT, "InPCA of %s: T = %d models, S = %d samples, C = %d classes; %d time-like direction(s)%n",
                probabilities, p.models(), p.samples(), p.classes(), e.timeLikeCount());
        w.printf(Locale.ROOT, "%4s %14s %-11s %9s%n", "k", "eigenvalue", "signature", "stress");
        double[] ev = e.eigenvalues();
        double[] chi = e.explainedStress();
        int[] sig = e.signature();
        for (int k = 0; k < Math.min(ev.length, Math.max(10, e.components())); k++) {
            w.printf(Locale.ROOT, "%4d %14.6e %-11s %9.5f%n", k + 1, ev[k],
                    sig[k] > 0 ? "space-like" : sig[k] < 0 ? "time-like" : "null", chi[k]);
        }
        w.printf(Locale.ROOT, "coordinates on %d direction(s):%n", e.components());
        double[][] x = e.coordinates();
        for (int i = 0; i < x.length; i++) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%6d", i));
            for (double v : x[i]) {
                sb.append(String.format(Locale.ROOT, " %13.6e", v));
            }
            w.println(sb);
        }
    }
}
