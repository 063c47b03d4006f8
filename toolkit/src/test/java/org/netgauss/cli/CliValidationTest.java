package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.Wasserstein;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Npy;

/** Inputs that parse but mean nothing: degenerate ensembles, parameters that are no covariance. */
class CliValidationTest {
    @TempDir
    Path dir;

    private Path constant(int n, int d, double value) {
        double[] x = new double[n * d * d];
        Arrays.fill(x, value);
        Path p = dir.resolve("constant.npy");
        Npy.write(p, x, n, d, d);
        return p;
    }

    @Test
    void zeroVarianceEnsembleIsAnErrorNotNaN() {
        Path p = constant(5, 4, 0.25);
        for (String model : new String[] {"pigmm", "bipartite", "iid", "rectangular"}) {
            for (boolean json : new boolean[] {true, false}) {
                CliRun r = json ? CliRun.of("fit", p.toString(), "--model", model, "--json")
                        : CliRun.of("fit", p.toString(), "--model", model);
                assertEquals(1, r.code(), model + ": " + r.out());
                CliFailureTest.assertOneLine(r.err());
                assertTrue(r.err().contains("degenerate") && r.err().contains("undefined"), r.err());
                assertTrue(!r.out().contains("NaN"), r.out());
            }
        }
    }

    @Test
    void zeroVarianceEnsembleHasNoInvariantDeviations() {
        CliRun r = CliRun.of("invariants", constant(4, 4, 0.0).toString(), "--json");
        assertEquals(1, r.code(), r.out());
        CliFailureTest.assertOneLine(r.err());
        assertTrue(r.err().contains("degenerate") && r.err().contains("undefined"), r.err());
    }

    @Test
    void pointMassEnsembleHasTheTraceOfTheReferenceAsW2Squared() {
        // W2^2 between a point mass at 0 and a centred Gaussian is the trace of its covariance: with D = 4, N = 4
        // and s^2 = 1/D, f_ref = (0, 0, (1-1/N)s^2, 0, (1-1/N)s^2, s^2, 0, 0, s^2, 0, s^2, s^2, s^2) and
        // tr = f3 + f5 + (D-1)(f6 + f9 + f11) + D(D-3)/2 f12 + (D-1)(D-2)/2 f13 = 0.375 + 2.25 + 0.5 + 0.75 = 3.875
        CliRun r = CliRun.of("wasserstein", constant(4, 4, 0.0).toString(), "--init", "gaussian", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(3.875, r.json().get("w2Squared").getAsDouble(), 1e-12);
        assertEquals(Math.sqrt(3.875), r.json().get("w2").getAsDouble(), 1e-12);
    }

    @Test
    void identicalMembersAreDegenerateToo() {
        // every member the same non-constant matrix: the ensemble variance is zero in every direction
        double[] x = new double[3 * 16];
        for (int e = 0; e < 3; e++) {
            for (int k = 0; k < 16; k++) {
                x[e * 16 + k] = k * 0.1;
            }
        }
        Path p = dir.resolve("same.npy");
        Npy.write(p, x, 3, 4, 4);
        CliRun r = CliRun.of("fit", p.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("degenerate"), r.err());
    }

    @Test
    void negativeOrIndefiniteParametersAreRefusedByWasserstein() {
        WeightEnsemble e = PigmmParameters.of(5, NetgaussCliTest.F_STRUCT).sample(30, new SplittableRandom(4));
        Path p = dir.resolve("w.npy");
        Npy.write(p, e.toArray(), e.members(), e.rows(), e.cols());
        String[] bad = {
            "0,0,-1,0,1,1,0,0,1,0,1,1,1",      // f3 < 0: a negative variance in V0
            "0,0,1,2,1,1,0,0,1,0,1,1,1",       // |f4| > sqrt(f3 f5): Sigma_V0 indefinite
            "0,0,1,0,1,1,0,0,1,0,-0.5,1,1",    // f11 < 0
            "0,0,1,0,1,1,1.5,0,1,0,1,1,1",     // Sigma_VH indefinite
            "0,0,1,0,1,1,0,0,1,0,1,-1,1",      // f12 < 0
            "0,0,1,0,1,1,0,0,1,0,1,1,-1e-3",   // f13 < 0
        };
        for (String params : bad) {
            CliRun r = CliRun.of("wasserstein", p.toString(), "--params", params);
            assertEquals(1, r.code(), params + ": " + r.out());
            CliFailureTest.assertOneLine(r.err());
            assertTrue(r.err().contains("--params"), r.err());
        }
        for (String params : new String[] {"NaN,0,1,0,1,1,0,0,1,0,1,1,1", "0,0,Infinity,0,1,1,0,0,1,0,1,1,1"}) {
            CliRun r = CliRun.of("wasserstein", p.toString(), "--params", params);
            assertEquals(1, r.code(), params + ": " + r.out());
            CliFailureTest.assertOneLine(r.err());
        }
    }

    @Test
    void semidefiniteParametersAreAcceptedAndGiveTheLibraryDistance() {
        WeightEnsemble e = PigmmParameters.of(5, NetgaussCliTest.F_STRUCT).sample(30, new SplittableRandom(4));
        Path p = dir.resolve("w.npy");
        Npy.write(p, e.toArray(), e.members(), e.rows(), e.cols());
        // f4 = sqrt(f3 f5): Sigma_V0 singular but positive semidefinite, a legal (degenerate) reference
        double[] f = {0, 0, 1, 1, 1, 1, 0, 0, 1, 0, 1, 0, 1};
        CliRun r = CliRun.of("wasserstein", p.toString(), "--json", "--params",
                String.join(",", Arrays.stream(f).mapToObj(Double::toString).toArray(String[]::new)));
        assertEquals(0, r.code(), r.err());
        double expected = Wasserstein.between(org.netgauss.pigmm.Pigmm.fit(e).parameters(), PigmmParameters.of(5, f))
                .w2Squared();
        assertEquals(expected, r.json().get("w2Squared").getAsDouble(), 1e-12 * expected);
    }
}
