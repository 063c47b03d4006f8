package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The laws of {@link GaussianMatrixModel} for every model, and the comparison as a loop over models. */
class GaussianMatrixModelTest {

    private static final PigmmParameters STRUCTURED = PigmmParameters.of(6, 0.5, 0.2, 0.3, 0.05, 0.2, 0.15, 0.02,
            0.01, 0.12, -0.01, 0.1, 0.08, 0.06);

    private static List<GaussianMatrixModel> fitted(WeightEnsemble e) {
        return List.of(IidGaussianModel.fit(e), RectangularModel.fit(e), Pigmm.fit(e).parameters());
    }

    @Test
    void everySquareModelHasTheDensityOfItsPigmmParameters() {
        // each model is a special case of the PIGMM (docs/spec/pigmm.md §2.8, §6): two routes to one density
        WeightEnsemble e = STRUCTURED.sample(40, new SplittableRandom(1));
        double[] x = STRUCTURED.sample(new SplittableRandom(2));
        for (GaussianMatrixModel m : fitted(e)) {
            assertEquals(m.toPigmmParameters().logLikelihood(x), m.logLikelihood(x), 1e-9, m.name());
            assertEquals(6, m.rows(), m.name());
            assertEquals(6, m.cols(), m.name());
        }
    }

    @Test
    void ensembleLogLikelihoodIsTheSumOverMembers() {
        WeightEnsemble e = STRUCTURED.sample(5, new SplittableRandom(3));
        for (GaussianMatrixModel m : fitted(STRUCTURED.sample(40, new SplittableRandom(4)))) {
            double s = 0;
            for (int n = 0; n < 5; n++) {
                s += m.logLikelihood(e.member(n));
            }
            assertEquals(s, m.logLikelihood(e), 1e-9 * Math.abs(s), m.name());
        }
    }

    @Test
    void iidMaximisedLogLikelihoodHasItsClosedForm() {
        // MLE of N(m, s²) on n values: log L = −(n/2)(ln(2π s²) + 1)
        WeightEnsemble e = new IidGaussianModel(5, 7, 0.3, 0.2).sample(11, new SplittableRandom(5));
        IidGaussianModel m = IidGaussianModel.fit(e);
        double n = 11 * 5 * 7;
        double closed = -n / 2 * (Math.log(2 * Math.PI * m.variance()) + 1);
        assertEquals(closed, m.logLikelihood(e), 1e-9 * Math.abs(closed));
        assertEquals(4 - 2 * closed, m.aic(e), 1e-9 * Math.abs(closed));
        assertEquals(2 * Math.log(11) - 2 * closed, m.bic(e), 1e-9 * Math.abs(closed));
    }

    @Test
    void comparisonRowsCarryEachModelsCriteria() {
        WeightEnsemble e = STRUCTURED.sample(200, new SplittableRandom(6));
        ModelComparison c = ModelComparison.of(e);
        assertEquals(List.of("IID", "bipartite S_D x S_D", "PIGMM"), c.rows().stream().map(ModelComparison.Row::model).toList());
        assertEquals(List.of(2, 5, 13), c.rows().stream().map(ModelComparison.Row::parameters).toList());
        PigmmFit fit = Pigmm.fit(e);
        ModelComparison.Row p = c.row("PIGMM");
        // the comparison's PIGMM log-likelihood is the fit's maximised one, to the last bit
        assertEquals(fit.logLikelihood(), p.logLikelihood());
        assertEquals(fit.aic(), p.aic());
        assertEquals(fit.bic(), p.bic());
        assertEquals(13 * Math.log(200) - 2 * fit.logLikelihood(), p.bic(), 1e-9 * Math.abs(p.bic()));
        assertEquals("PIGMM", c.best().model());
        var t = c.toTable();
        assertEquals(0.0, t.doubleColumn("dAIC").getDouble(2));
        assertEquals(c.row("IID").aic() - p.aic(), t.doubleColumn("dAIC").getDouble(0), 1e-9);
        assertEquals(List.of("model", "parameters", "logL", "AIC", "dAIC", "BIC", "dBIC"), t.columnNames());
    }

    @Test
    void rectangularEnsembleComparesIidWithTheRectangularModel() {
        WeightEnsemble e = new RectangularModel(4, 7, 0.2, 0.3, 0.1, 0.2, 0.05).sample(300, new SplittableRandom(7));
        ModelComparison c = ModelComparison.of(e);
        assertEquals(List.of("IID", "S_M x S_N"), c.rows().stream().map(ModelComparison.Row::model).toList());
        assertEquals("S_M x S_N", c.best().model());
        assertThrows(IllegalStateException.class, () -> RectangularModel.fit(e).toPigmmParameters());
    }

    @Test
    void sampledEnsembleRefitsToTheModel() {
        // Monte Carlo: 4000 draws of 4 x 4 IID N(0.3, 0.5); the mean's SE is sqrt(0.5/64000) = 0.0028,
        // the variance's sqrt(2 * 0.25/64000) = 0.0028; tolerance 5 SE
        GaussianMatrixModel m = new IidGaussianModel(4, 4, 0.3, 0.5);
        IidGaussianModel back = IidGaussianModel.fit(m.sample(4000, new SplittableRandom(8)));
        assertEquals(0.3, back.mean(), 5 * 0.0028);
        assertEquals(0.5, back.variance(), 5 * 0.0028);
    }

    @Test
    void degenerateModelRanksLastAsNaN() {
        // identical members: the sum S00 has no variance across the ensemble, so the S_M x S_N model has no density
        double[] one = new IidGaussianModel(5, 5, 0, 1).sample(new SplittableRandom(9));
        double[] data = new double[3 * 25];
        for (int n = 0; n < 3; n++) {
            System.arraycopy(one, 0, data, n * 25, 25);
        }
        ModelComparison c = ModelComparison.of(WeightEnsemble.of(data, 3, 5, 5));
        assertTrue(Double.isNaN(c.row("bipartite S_D x S_D").aic()));
        assertEquals("IID", c.best().model());
        assertThrows(IllegalArgumentException.class, () -> c.row("no such model"));
        assertThrows(IllegalArgumentException.class, () -> ModelComparison.of(WeightEnsemble.of(data, 3, 5, 5), List.of()));
    }

    /** A model a user adds: entries IID N(0, s²), one parameter. One class, no change elsewhere. */
    record ZeroMeanIid(int rows, int cols, double variance) implements GaussianMatrixModel {
        static ZeroMeanIid fit(WeightEnsemble e) {
            double s = 0;
            for (double v : e.toArray()) {
                s += v * v;
            }
            return new ZeroMeanIid(e.rows(), e.cols(), s / ((double) e.members() * e.rows() * e.cols()));
        }

        public String name() { return "zero-mean IID"; }

        public int parameterCount() { return 1; }

        public double logLikelihood(double[] x) {
            double s = 0;
            for (double v : x) {
                s += v * v;
            }
            return -0.5 * (s / variance + x.length * Math.log(2 * Math.PI * variance));
        }

        public double[] sample(RandomGenerator rng) {
            double[] x = new double[rows * cols];
            for (int k = 0; k < x.length; k++) {
                x[k] = Math.sqrt(variance) * rng.nextGaussian();
            }
            return x;
        }

        public PigmmParameters toPigmmParameters() { return PigmmParameters.iid(rows, 0, variance); }
    }

    @Test
    void aNewModelJoinsTheComparisonAsOneClass() {
        WeightEnsemble e = new IidGaussianModel(5, 5, 0, 0.4).sample(50, new SplittableRandom(10));
        ZeroMeanIid z = ZeroMeanIid.fit(e);
        ModelComparison c = ModelComparison.of(e, List.of(IidGaussianModel.fit(e), z, Pigmm.fit(e).parameters()));
        // MLE s² = Σx²/n gives log L = −(n/2)(ln(2π s²) + 1)
        double n = 50 * 25;
        assertEquals(-n / 2 * (Math.log(2 * Math.PI * z.variance()) + 1), c.row("zero-mean IID").logLikelihood(),
                1e-9 * n);
        assertEquals(1, c.row("zero-mean IID").parameters());
        assertEquals(z.toPigmmParameters().logLikelihood(e.member(0)), z.logLikelihood(e.member(0)), 1e-9);
    }
}
