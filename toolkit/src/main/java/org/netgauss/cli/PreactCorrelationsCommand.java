package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.netgauss.data.Mnist;
import org.netgauss.preact.ClassSample;
import org.netgauss.preact.CorrelationResult;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.Preact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netgauss preact correlations --activation NAME --widths 100,100,100 [--per-class 10] [--inits 1000]
 * [--seed 0] [--json]}: correlation propagation of MNIST test images, {@code per-class} per digit (rescaled to mean
 * square 1), through {@code inits} random networks; per layer the 10 x 10 class-by-class mean correlations
 * (diagonal blocks without a = b) of the paper's Figure 1 / Figure 14 (docs/spec/gaussian-preact.md §3b). The numbers equal
 * {@link Preact#correlations(Initialisation, ClassSample, int[], int, long)} on
 * {@code ClassSample.of(test, perClass, seed).standardised()}.
 */
@Command(name = "correlations", mixinStandardHelpOptions = true,
        description = "Class-by-class pre-activation correlations of MNIST test images per layer (Figure 1/14 style).")
final class PreactCorrelationsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", required = true, paramLabel = "NAME",
            description = "tanh, relu, phi-odd-THETA or phi-pos-THETA")
    String activation;

    @Option(names = "--widths", required = true, paramLabel = "N,..|A..B", description = "layer widths n_1..n_L, e.g. 100,100,100")
    String widths;

    @Option(names = "--per-class", defaultValue = "10", description = "images per digit (default ${DEFAULT-VALUE})")
    int perClass;

    @Option(names = "--inits", defaultValue = "1000", description = "random initialisations n_init (default ${DEFAULT-VALUE})")
    int inits;

    @Option(names = "--seed", defaultValue = "0", description = "seed of the image choice and the networks (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        Initialisation init = PreactArguments.initialisation(activation);
        int[] w = PreactArguments.widths(widths);
        ClassSample sample = ClassSample.of(Mnist.load().test(), perClass, seed).standardised();
        CorrelationResult r = Preact.correlations(init, sample, w, inits, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("activation", init.name());
            o.addProperty("inputs", sample.size());
            o.addProperty("initialisations", inits);
            o.addProperty("seed", seed);
            JsonArray layers = new JsonArray();
            for (int l = 1; l <= r.layers(); l++) {
                JsonObject lo = new JsonObject();
                lo.addProperty("layer", l);
                lo.addProperty("width", w[l - 1]);
                JsonArray m = new JsonArray();
                for (double[] row : r.byClass(l, CorrelationResult.Grouping.EXCLUDE_IDENTICAL)) {
                    JsonArray jr = new JsonArray();
                    for (double v : row) {
                        jr.add(PreactArguments.number(v));
                    }
                    m.add(jr);
                }
                lo.add("byClass", m);
                layers.add(lo);
            }
            o.add("layers", layers);
            out.println(PreactArguments.toJson(o));
        } else {
            out.println(r.toTable().printAll());
        }
        out.flush();
        return 0;
    }
}
