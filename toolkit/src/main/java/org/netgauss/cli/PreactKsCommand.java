package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PropagationConfig;
import org.netgauss.preact.TwoLayerKsExperiment;
import org.netgauss.preact.TwoLayerKsExperiment.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netgauss preact ks [--config cfg0,cfg1,cfg2] [--widths 1..10] [--activation paper|NAME,...]
 * [--networks 200000] [--seed 0] [--json]}: the 2-layer KS experiment of the authors' repository (docs/spec/gaussian-preact.md §3a; the
 * paper's Figure 11): the KS distance to N(0,1) of the output pre-activation of N random networks
 * 1 -&gt; n_a -&gt; n_b -&gt; 1 on x = 1. Each point's seed derives from (seed, configuration, curve, n), so the numbers
 * equal {@link TwoLayerKsExperiment#run} with the same arguments.
 */
@Command(name = "ks", mixinStandardHelpOptions = true,
        description = "2-layer KS distance to N(0,1) vs width (docs/spec/gaussian-preact.md §3a, the paper's Figure 11).")
final class PreactKsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", split = ",", paramLabel = "CFG",
            description = "cfg0 ([1,n,1]), cfg1 ([n,2,1]), cfg2 ([n,n,1]); default all three")
    List<String> configs;

    @Option(names = "--widths", paramLabel = "A..B|N,..", defaultValue = "1..10",
            description = "width parameters n (default ${DEFAULT-VALUE})")
    String widths;

    @Option(names = "--activation", split = ",", paramLabel = "NAME", defaultValue = "paper",
            description = "tanh, relu, phi-odd-THETA, phi-pos-THETA, or paper (all 16 curves; default)")
    List<String> activations;

    @Option(names = "--networks", defaultValue = "200000", description = "networks N per point (default ${DEFAULT-VALUE})")
    int networks;

    @Option(names = "--seed", defaultValue = "0", description = "run seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--threads", description = "worker threads (default: all processors; results do not depend on it)")
    Integer threads;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        List<Configuration> cfgs = new ArrayList<>();
        if (configs == null || configs.isEmpty()) {
            cfgs.addAll(List.of(Configuration.values()));
        } else {
            for (String c : configs) {
                try {
                    cfgs.add(Configuration.valueOf(c.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("--config " + c + ": expected cfg0, cfg1 or cfg2");
                }
            }
        }
        List<Initialisation> curves = new ArrayList<>();
        for (String a : activations) {
            curves.addAll(PreactArguments.initialisations(a));
        }
        int[] ns = PreactArguments.widths(widths);
        PropagationConfig config = PropagationConfig.defaults().withNetworks(networks).withSeed(seed);
        if (threads != null) {
            config = config.withThreads(threads);
        }
        for (int n : ns) {
            // the two-layer networks of every configuration are at most n wide
            PreactArguments.checkPropagationSize(new int[] {n, n}, config.networks(), config.threads());
        }
        List<TwoLayerKsExperiment.Point> points = new ArrayList<>();
        for (Configuration c : cfgs) {
            for (int n : ns) {
                // one n at a time: a point's seed depends on (seed, c, curve, n) only, so A..B and lists agree
                points.addAll(TwoLayerKsExperiment.run(curves, List.of(c), n, n, config).points());
            }
        }
        TwoLayerKsExperiment.Result result = new TwoLayerKsExperiment.Result(networks, points);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("experiment", "two-layer-ks");
            o.addProperty("networks", networks);
            o.addProperty("seed", seed);
            JsonArray arr = new JsonArray();
            for (TwoLayerKsExperiment.Point p : result.points()) {
                JsonObject r = new JsonObject();
                r.addProperty("configuration", p.configuration().name().toLowerCase(Locale.ROOT));
                r.addProperty("activation", p.activation());
                r.addProperty("n", p.n());
                JsonArray w = new JsonArray();
                for (int x : p.configuration().networkWidths(p.n())) {
                    w.add(x);
                }
                r.add("widths", w);
                r.add("ks", PreactArguments.number(p.ks()));
                r.add("ksPValue", PreactArguments.number(p.ksPValue()));
                r.add("variance", PreactArguments.number(p.variance()));
                r.add("excessKurtosis", PreactArguments.number(p.excessKurtosis()));
                arr.add(r);
            }
            o.add("points", arr);
            out.println(PreactArguments.toJson(o));
        } else {
            out.println(result.toTable().printAll());
        }
        out.flush();
        return 0;
    }
}
