package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.junit.jupiter.api.Test;

class OtherModelsTest {

    @Test
    void bipartiteFitEqualsTheMatchingPigmmParameters() {
        // docs/spec/pigmm.md §6: mu = f1, var00 = f3, var0H = f6 (columns), varH0 = f9 (rows), and varHH pools S02, VH-diag, V2, V3
        WeightEnsemble e = PigmmParameters.of(6, 0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1, 0.08,
                0.06).sample(50, new SplittableRandom(2));
        PigmmParameters f = Pigmm.fit(e).parameters();
        RectangularModel b = Pigmm.fitBipartite(e);
        assertEquals(f.f1(), b.mu(), 1e-12);
        assertEquals(f.f3(), b.var00(), 1e-12);
        assertEquals(f.f6(), b.var0H(), 1e-12);
        assertEquals(f.f9(), b.varH0(), 1e-12);
        int d = 6;
        double pooled = 0;
        for (int n = 0; n < e.members(); n++) {
            IrrepQuadratics q = IrrepQuadratics.of(e.member(n), d);
            pooled += q.s02() * q.s02() + q.qdd() + q.q2() + q.q3();
        }
        assertEquals(pooled / e.members() / ((d - 1.0) * (d - 1)), b.varHH(), 1e-12);
    }

    @Test
    void bipartiteLikelihoodAndWassersteinEqualThoseOfTheEmbeddedPigmm() {
        // route 1: 5-parameter block formulas; route 2: the same model as a 13-parameter PIGMM (docs/spec/pigmm.md §6 embedding)
        RectangularModel a = new RectangularModel(5, 5, 0.3, 0.2, 0.1, 0.15, 0.08);
        RectangularModel b = new RectangularModel(5, 5, -0.1, 0.3, 0.05, 0.12, 0.1);
        double[] x = a.sample(new SplittableRandom(4));
        assertEquals(a.toPigmmParameters().logLikelihood(x), a.logLikelihood(x), 1e-10);
        assertEquals(Wasserstein.squared(a.toPigmmParameters(), b.toPigmmParameters()), a.wasserstein2Squared(b), 1e-12);
        assertEquals(0, a.wasserstein2Squared(a), 0);
    }

    @Test
    void rectangularLikelihoodEqualsDenseMultivariateNormal() {
        // 3 x 5 model; dense 15 x 15 covariance from the closed form vs the block likelihood
        RectangularModel r = new RectangularModel(3, 5, 0.4, 0.2, 0.1, 0.3, 0.07);
        double[][] cov = new double[15][15];
        double[] mean = new double[15];
        for (int p = 0; p < 15; p++) {
            mean[p] = r.entryMean();
            for (int q = 0; q < 15; q++) {
                cov[p][q] = r.covariance(p / 5, p % 5, q / 5, q % 5);
            }
        }
        double[] x = r.sample(new SplittableRandom(8));
        assertEquals(Math.log(new MultivariateNormalDistribution(mean, cov).density(x)), r.logLikelihood(x), 1e-9);
    }

    @Test
    void rectangularSamplesRefitToTheModel() {
        // Monte Carlo, 3 x 5 and 10 x 30, 4000 draws (seed 6); 5 sampling SDs, SD of a variance ≈ σ²√(2/(N dim))
        for (int[] shape : new int[][] {{3, 5}, {10, 30}}) {
            RectangularModel r = new RectangularModel(shape[0], shape[1], 0.4, 0.2, 0.1, 0.3, 0.07);
            int n = 4000;
            RectangularModel f = RectangularModel.fit(r.sample(n, new SplittableRandom(6)));
            assertEquals(r.mu(), f.mu(), 5 * Math.sqrt(0.2 / n));
            assertEquals(r.var00(), f.var00(), 5 * 0.2 * Math.sqrt(2.0 / n));
            assertEquals(r.varH0(), f.varH0(), 5 * 0.1 * Math.sqrt(2.0 / (n * (shape[0] - 1))));
            assertEquals(r.var0H(), f.var0H(), 5 * 0.3 * Math.sqrt(2.0 / (n * (shape[1] - 1))));
            assertEquals(r.varHH(), f.varHH(), 5 * 0.07 * Math.sqrt(2.0 / (n * (shape[0] - 1) * (shape[1] - 1))));
        }
    }

    @Test
    void rectangularWassersteinOfIidModelsFollowsClosedForm() {
        // an IID model is the rectangular model with all variances s² and mu = sqrt(MN) m; docs/spec/pigmm.md §4 closed form
        int m = 4;
        int n = 7;
        double rt = Math.sqrt(m * n);
        RectangularModel a = new RectangularModel(m, n, rt * 0.1, 0.04, 0.04, 0.04, 0.04);
        RectangularModel b = new RectangularModel(m, n, rt * -0.2, 0.09, 0.09, 0.09, 0.09);
        double expected = new IidGaussianModel(m, n, 0.1, 0.04).wasserstein2Squared(new IidGaussianModel(m, n, -0.2, 0.09));
        assertEquals(m * n * (0.09 + 0.01), expected, 1e-12);
        assertEquals(expected, a.wasserstein2Squared(b), 1e-12);
        assertEquals(a.wasserstein2Squared(b), b.wasserstein2Squared(a), 1e-15);
    }

    @Test
    void iidModelEmbedsAsSpecIidPoint() {
        IidGaussianModel iid = new IidGaussianModel(5, 5, 0.05, 0.1);
        assertArrayEquals(new double[] {0.25, 0, 0.1, 0, 0.1, 0.1, 0, 0, 0.1, 0, 0.1, 0.1, 0.1},
                iid.toPigmmParameters().toArray(), 1e-15);
        double[] x = iid.sample(new SplittableRandom(1));
        assertEquals(iid.toPigmmParameters().logLikelihood(x), iid.logLikelihood(x), 1e-10);
    }

    @Test
    void aicPrefersIidForIidDataAndPigmmForStructuredData() {
        // seeded: 300 IID N(0, 0.1) 6 x 6 matrices; 300 draws from a structured PIGMM
        WeightEnsemble iid = new IidGaussianModel(6, 6, 0, 0.1).sample(300, new SplittableRandom(12));
        assertEquals("IID", Pigmm.compareModels(iid).best().model());
        WeightEnsemble struct = PigmmParameters.of(6, 0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02, 0.01, 0.12, -0.01, 0.1,
                0.08, 0.06).sample(300, new SplittableRandom(13));
        ModelComparison c = Pigmm.compareModels(struct);
        assertEquals("PIGMM", c.best().model());
        assertEquals(3, c.toTable().rowCount());
    }

    @Test
    void rectangularModelRejectsTooSmallShapes() {
        assertThrows(IllegalArgumentException.class, () -> RectangularModel.fit(WeightEnsemble.of(new double[10], 2, 1, 5)));
        assertThrows(IllegalStateException.class, () -> new RectangularModel(3, 5, 0, 1, 1, 1, 1).toPigmmParameters());
    }
}
