package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.netgauss.data.Mnist;
import org.netgauss.preact.ClassSample;
import org.netgauss.preact.GaussianityStatistics;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.LayerGaussianity;
import org.netgauss.preact.Propagation;
import org.netgauss.preact.PropagationConfig;
import org.netgauss.preact.PropagationResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netgauss preact propagate --activation NAME --depth L --width n [--networks N] [--seed S]
 * [--input one|mnist:INDEX] [--sigma-w W --sigma-b B] [--json]}: one input through N random networks of L layers of
 * width n; per layer the KS distance and Wasserstein-1 to N(0,1) and to N(0,q) (q the mean-field variance), excess
 * kurtosis and moments (the paper's Sec. 3.1 and 5.1; docs/spec/gaussian-preact.md §3a). The numbers equal {@link Propagation#run} with the
 * same arguments.
 */
@Command(name = "propagate", mixinStandardHelpOptions = true,
        description = "Per-layer Gaussianity of pre-activations through a deep random network.")
final class PreactPropagateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", required = true, paramLabel = "NAME",
            description = "tanh, relu, phi-odd-THETA or phi-pos-THETA (THETA tabulated, e.g. 3)")
    String activation;

    @Option(names = "--depth", required = true, description = "number of layers L")
    int depth;

    @Option(names = "--width", required = true, description = "width n of every layer")
    int width;

    @Option(names = "--networks", defaultValue = "10000", description = "networks N (default ${DEFAULT-VALUE})")
    int networks;

    @Option(names = "--seed", defaultValue = "0", description = "run seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--input", defaultValue = "one", paramLabel = "one|mnist:INDEX",
            description = "x = 1 (n_0 = 1; default) or MNIST test image INDEX rescaled to mean square 1")
    String input;

    @Option(names = "--sigma-w", description = "override sigma_w of the activation's initialisation")
    Double sigmaW;

    @Option(names = "--sigma-b", description = "override sigma_b of the activation's initialisation")
    Double sigmaB;

    @Option(names = "--threads", description = "worker threads (default: all processors; results do not depend on it)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        if (depth < 1 || width < 1) {
            throw new IllegalArgumentException("--depth and --width must be >= 1, found " + depth + " and " + width);
        }
        Initialisation init = PreactArguments.initialisation(activation);
        if (sigmaW != null || sigmaB != null) {
            init = init.withScales(sigmaW != null ? sigmaW : init.sigmaW(), sigmaB != null ? sigmaB : init.sigmaB());
        }
        double[] x = input(input);
        PropagationConfig config = PropagationConfig.defaults().withNetworks(networks).withSeed(seed);
        if (threads != null) {
            config = config.withThreads(threads);
        }
        if (depth > PreactArguments.MAX_WIDTHS) {
            throw new IllegalArgumentException("--depth " + depth + ": at most " + PreactArguments.MAX_WIDTHS + " layers");
        }
        int[] widths = new int[depth];
        Arrays.fill(widths, width);
        PreactArguments.checkPropagationSize(widths, config.networks(), config.threads());
        PropagationResult r = Propagation.run(init, x, widths, config);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("activation", init.name());
            o.addProperty("weightLaw", init.weightLaw().name());
            o.add("sigmaW", PreactArguments.number(init.sigmaW()));
            o.add("sigmaB", PreactArguments.number(init.sigmaB()));
            o.addProperty("input", input);
            JsonArray w = new JsonArray();
            for (int v : r.widths()) {
                w.add(v);
            }
            o.add("widths", w);
            o.addProperty("networks", networks);
            o.addProperty("seed", seed);
            JsonArray layers = new JsonArray();
            for (LayerGaussianity lg : r.layers()) {
                GaussianityStatistics s = lg.statistics();
                JsonObject l = new JsonObject();
                l.addProperty("layer", lg.layer());
                l.addProperty("width", lg.width());
                l.add("qMeanField", PreactArguments.number(lg.meanFieldQ()));
                l.add("mean", PreactArguments.number(s.mean()));
                l.add("variance", PreactArguments.number(s.variance()));
                l.add("excessKurtosis", PreactArguments.number(s.excessKurtosis()));
                l.add("ks", PreactArguments.number(s.ks()));
                l.add("ksPValue", PreactArguments.number(s.ksPValue()));
                l.add("wasserstein1", PreactArguments.number(s.wasserstein1()));
                l.add("ksQ", PreactArguments.number(s.ksRef()));
                l.add("wasserstein1Q", PreactArguments.number(s.wasserstein1Ref()));
                layers.add(l);
            }
            o.add("layers", layers);
            out.println(PreactArguments.toJson(o));
        } else {
            out.println(r.toTable().printAll());
        }
        out.flush();
        return 0;
    }

    /** x = 1, or a standardised MNIST test image. */
    static double[] input(String spec) {
        if (spec.equals("one")) {
            return new double[] {1.0};
        }
        if (spec.startsWith("mnist:")) {
            int index;
            try {
                index = Integer.parseInt(spec.substring("mnist:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--input " + spec + ": expected mnist:INDEX with INDEX in 0..9999");
            }
            var test = Mnist.load().test();
            if (index < 0 || index >= test.size()) {
                throw new IllegalArgumentException("--input " + spec + ": INDEX must be in 0.." + (test.size() - 1));
            }
            double[] x = new double[test.featureCount()];
            for (int j = 0; j < x.length; j++) {
                x[j] = test.feature(index, j);
            }
            return new ClassSample(new double[][] {x}, new int[] {test.label(index)}).standardised().input(0);
        }
        throw new IllegalArgumentException("--input " + spec + ": expected one or mnist:INDEX");
    }
}
