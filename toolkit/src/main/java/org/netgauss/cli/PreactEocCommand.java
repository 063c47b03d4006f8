package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.preact.EdgeOfChaos;
import org.netgauss.preact.Initialisation;
import org.netgauss.preact.PhiTheta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code netgauss preact eoc --activation NAME [--sigma-b2 0,0.05,...] [--json]}: the asymptotic edge of chaos
 * (sigma_w^2 with chi_1 = 1 and the fixed point q*, for each sigma_b^2; docs/spec/pigmm.md §2.1-2.2) of the activation with its
 * weight law; for phi_theta also the non-asymptotic point of Wolinski &amp; Arbel (q* = 1, chi_1 = 1; docs/spec/pigmm.md §2.3).
 */
@Command(name = "eoc", mixinStandardHelpOptions = true,
        description = "Edge-of-chaos curve (sigma_b^2 -> sigma_w^2, q*) of an activation; non-asymptotic point for phi_theta.")
final class PreactEocCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--activation", required = true, paramLabel = "NAME",
            description = "tanh, relu, phi-odd-THETA or phi-pos-THETA")
    String activation;

    @Option(names = "--sigma-b2", split = ",", paramLabel = "S",
            description = "bias variances sigma_b^2 (default 0.01,0.05,0.1; 0 for relu. At sigma_b^2 = 0 an odd phi has q* = 0, which the fixed-point iteration approaches slowly)")
    double[] sigmaB2;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        Initialisation init = PreactArguments.initialisation(activation);
        double m2 = init.weightLaw().secondMoment();
        if (sigmaB2 == null) {
            sigmaB2 = init.activation().name().equals("relu") ? new double[] {0} : new double[] {0.01, 0.05, 0.1};
        }
        JsonObject o = new JsonObject();
        o.addProperty("activation", init.name());
        o.addProperty("weightLaw", init.weightLaw().name());
        o.add("m2", PreactArguments.number(m2));
        JsonArray curve = new JsonArray();
        StringBuilder text = new StringBuilder();
        for (double sb2 : sigmaB2) {
            EdgeOfChaos.EocPoint p = init.activation().name().equals("relu") ? reluAt(m2, sb2)
                    : EdgeOfChaos.point(init.activation(), m2, sb2);
            JsonObject r = new JsonObject();
            r.add("sigmaB2", PreactArguments.number(p.sigmaB2()));
            r.add("sigmaW2", PreactArguments.number(p.sigmaW2()));
            r.add("qStar", PreactArguments.number(p.qStar()));
            r.add("chi1", PreactArguments.number(p.chi1()));
            curve.add(r);
            text.append(p).append('\n');
        }
        o.add("curve", curve);
        if (init.activation() instanceof PhiTheta phi) {
            EdgeOfChaos.NonAsymptoticEoc n = EdgeOfChaos.nonAsymptotic(phi, phi.weightLaw());
            JsonObject r = new JsonObject();
            r.add("sigmaW2", PreactArguments.number(n.sigmaW2()));
            r.add("sigmaB2", PreactArguments.number(n.sigmaB2()));
            r.add("sigmaB2Ideal", PreactArguments.number(n.sigmaB2Ideal()));
            r.add("m2EPhi2", PreactArguments.number(n.m2EPhi2()));
            r.add("eDPhi2", PreactArguments.number(n.eDerivative2()));
            r.addProperty("feasible", n.feasible());
            o.add("nonAsymptotic", r);
            text.append(n).append('\n');
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? PreactArguments.toJson(o) + "\n" : text);
        out.flush();
        return 0;
    }

    /** ReLU's chi_1 = sigma_w^2 m2 / 2 does not depend on sigma_b: the EOC is sigma_w^2 = 2/m2, with q* only at sigma_b = 0. */
    private static EdgeOfChaos.EocPoint reluAt(double m2, double sb2) {
        if (sb2 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "relu has no edge of chaos at sigma_b^2 = %g:"
                    + " with chi_1 = 1 the variance map q -> q + sigma_b^2 has no fixed point; use --sigma-b2 0", sb2));
        }
        return EdgeOfChaos.reluPoint(m2);
    }
}
