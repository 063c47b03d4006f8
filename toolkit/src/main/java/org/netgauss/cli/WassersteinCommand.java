package org.netgauss.cli;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.Wasserstein;
import org.netgauss.pigmm.WassersteinBreakdown;
import org.netgauss.pigmm.WeightEnsemble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code netgauss wasserstein A.npy (B.npy | --params F1,..,F13 | --init gaussian|uniform) [--json]}: the
 * 2-Wasserstein distance between the PIGMM fitted to A and either the PIGMM fitted to B, a given parameter vector, or
 * the authors' analytic initialisation reference f_ref (docs/spec/pigmm.md §4): both W₂ and W₂² (the repository's "Wasserstein
 * Distance" is W₂²) and the per-irrep terms of W₂².
 */
@Command(name = "wasserstein", mixinStandardHelpOptions = true,
        description = "W2 and W2^2 (with the per-irrep terms) between the PIGMM fitted to A.npy and the one fitted to"
                + " B.npy, given parameters, or the analytic initialisation model.")
final class WassersteinCommand implements Callable<Integer> {

    /** The authors' analytic references (docs/spec/pigmm.md §4): IID N(0, s²), s² = 1/D (gaussian) or 1/(3D) (uniform). */
    enum Init { gaussian, uniform }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A.npy", description = "float32 or float64 array [N, D, D], D >= 4")
    Path a;

    @Parameters(index = "1", arity = "0..1", paramLabel = "B.npy", description = "second ensemble of the same D")
    Path b;

    @Option(names = "--params", split = ",", paramLabel = "F",
            description = "reference model f1,...,f13 (13 comma-separated numbers, same D as A)")
    double[] params;

    @Option(names = "--init", paramLabel = "SCHEME",
            description = "analytic init reference f_ref = (0, 0, (1-1/N)s^2, 0, (1-1/N)s^2, s^2, 0, 0, s^2, 0, s^2,"
                    + " s^2, s^2) with s^2 = 1/D (gaussian) or 1/(3D) (uniform), N = members of A")
    Init init;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        int given = (b != null ? 1 : 0) + (params != null ? 1 : 0) + (init != null ? 1 : 0);
        if (given != 1) {
            throw new IllegalArgumentException("expected exactly one reference: B.npy, --params F1,...,F13 or --init"
                    + " gaussian|uniform, found " + given);
        }
        WeightEnsemble ea = EnsembleInput.read(a, EnsembleInput.Shape.PIGMM, "the 13-parameter PIGMM");
        PigmmParameters pa = Pigmm.fit(ea).parameters();
        int d = pa.d();
        PigmmParameters pb;
        String what;
        if (b != null) {
            WeightEnsemble eb = EnsembleInput.read(b, EnsembleInput.Shape.PIGMM, "the 13-parameter PIGMM");
            if (eb.rows() != d) {
                throw new IllegalArgumentException(b + ": expected the D of " + a + ", [N, " + d + ", " + d
                        + "], found [" + eb.members() + ", " + eb.rows() + ", " + eb.cols()
                        + "]; W2 compares models of the same D");
            }
            pb = Pigmm.fit(eb).parameters();
            what = b.toString();
        } else if (params != null) {
            if (params.length != 13) {
                throw new IllegalArgumentException("--params: expected 13 numbers f1,...,f13, found "
                        + params.length);
            }
            pb = PigmmParameters.of(d, params);
            requireCovariance(pb);
            what = "--params";
        } else {
            double s2 = init == Init.gaussian ? 1.0 / d : 1.0 / (3.0 * d);
            pb = PigmmParameters.initReference(d, s2, ea.members());
            what = "init-" + init;
        }
        WassersteinBreakdown w = Wasserstein.between(pa, pb);
        if (!Double.isFinite(w.w2Squared())) {
            throw new IllegalArgumentException(a + " vs " + what + ": W2^2 overflows double precision ("
                    + w.w2Squared() + "); the entries or parameters are too large, rescale them");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonObject o = new JsonObject();
            o.addProperty("file", a.toString());
            o.addProperty("reference", what);
            o.addProperty("d", d);
            o.add("w2", JsonOutput.number(w.w2()));
            o.add("w2Squared", JsonOutput.number(w.w2Squared()));
            JsonObject t = new JsonObject();
            t.add("mean", JsonOutput.number(w.mean()));
            t.add("V0", JsonOutput.number(w.v0()));
            t.add("VH", JsonOutput.number(w.vh()));
            t.add("V2", JsonOutput.number(w.v2()));
            t.add("V3", JsonOutput.number(w.v3()));
            o.add("breakdown", t);
            o.add("pigmmParameters", JsonOutput.parameters(pa));
            o.add("referencePigmmParameters", JsonOutput.parameters(pb));
            out.println(JsonOutput.toJson(o));
        } else {
            out.printf(Locale.ROOT, "%s vs %s (D = %d)%n  W2     %.10g%n  W2^2   %.10g%n  terms of W2^2: mean %.6g, V0 %.6g,"
                    + " VH %.6g, V2 %.6g, V3 %.6g%n", a, what, d, w.w2(), w.w2Squared(), w.mean(), w.v0(), w.vh(),
                    w.v2(), w.v3());
        }
        out.flush();
        return 0;
    }

    /**
     * Refuses parameters that are no Gaussian: Σ_V0 = [[f3, f4], [f4, f5]] and Σ_VH (f6..f11) must be positive
     * semidefinite and f12, f13 non-negative (docs/spec/pigmm.md §2.5), else W₂ (which takes their square roots)
     * would be a number without meaning.
     */
    static void requireCovariance(PigmmParameters p) {
        double[] f = p.toArray();
        if (f[11] < 0 || f[12] < 0) {
            throw new IllegalArgumentException("--params: f12 = " + f[11] + " and f13 = " + f[12] + " are the variances"
                    + " of V2 and V3 and must be >= 0");
        }
        double v0 = minEigenvalue(p.sigmaV0());
        double vh = minEigenvalue(p.sigmaVH());
        double scale = 0;
        for (int k = 2; k < 11; k++) {
            scale = Math.max(scale, Math.abs(f[k]));
        }
        double tol = 1e-12 * scale;
        if (v0 < -tol) {
            throw new IllegalArgumentException("--params: Sigma_V0 = [[f3, f4], [f4, f5]] has the negative eigenvalue "
                    + v0 + "; a covariance must be positive semidefinite");
        }
        if (vh < -tol) {
            throw new IllegalArgumentException("--params: Sigma_VH (f6..f11) has the negative eigenvalue " + vh
                    + "; a covariance must be positive semidefinite");
        }
    }

    private static double minEigenvalue(double[][] symmetric) {
        double[] ev = new org.apache.commons.math3.linear.EigenDecomposition(
                new org.apache.commons.math3.linear.Array2DRowRealMatrix(symmetric)).getRealEigenvalues();
        return java.util.Arrays.stream(ev).min().orElse(0);
    }
}
