package org.netgauss.pigmm;

import java.util.random.RandomGenerator;

/**
 * A Gaussian model of an ensemble of rows x cols matrices, fitted by maximum likelihood: the IID model
 * ({@link IidGaussianModel}, 2 parameters), the S_M x S_N model ({@link RectangularModel}, 5; the bipartite
 * S_D x S_D model when square) and the 13-parameter PIGMM ({@link PigmmParameters}) of Hirst &amp; Ramgoolam 2025
 * (docs/spec/pigmm.md §2 and §6). A comparison of models is a loop over instances of this interface
 * ({@link ModelComparison#of(WeightEnsemble, java.util.List)}), so a new model is one new class.
 *
 * <p>Laws an implementation keeps (each checked in {@code GaussianMatrixModelTest}): {@link #logLikelihood(WeightEnsemble)}
 * is the sum over members of {@link #logLikelihood(double[])}; a square model and {@link #toPigmmParameters()} give
 * every matrix the same log-density (each model is a special case of the PIGMM); {@link #sample} draws from the
 * density that {@link #logLikelihood(double[])} evaluates.
 */
public interface GaussianMatrixModel {

    /** The model's name in tables: "IID", "bipartite S_D x S_D", "S_M x S_N", "PIGMM". */
    String name();

    /** Rows M of each matrix. */
    int rows();

    /** Columns N of each matrix. */
    int cols();

    /** Number k of free parameters. */
    int parameterCount();

    /**
     * Log-density of one row-major matrix.
     *
     * @throws IllegalStateException if the model is degenerate (a variance is 0) and has no density
     */
    double logLikelihood(double[] matrix);

    /** log L = Σ over members of the log-density. */
    default double logLikelihood(WeightEnsemble ensemble) {
        if (ensemble.rows() != rows() || ensemble.cols() != cols()) {
            throw new IllegalArgumentException(name() + " is " + rows() + " x " + cols() + ", ensemble is " + ensemble);
        }
        double s = 0;
        for (int n = 0; n < ensemble.members(); n++) {
            s += logLikelihood(ensemble.member(n));
        }
        return s;
    }

    /** Akaike's information criterion AIC = 2k − 2 log L on {@code ensemble} (Akaike 1974); lower is better. */
    default double aic(WeightEnsemble ensemble) {
        return InformationCriteria.aic(parameterCount(), logLikelihood(ensemble));
    }

    /**
     * Schwarz's Bayesian information criterion BIC = k ln N − 2 log L on {@code ensemble} (Schwarz 1978), with
     * N = the number of members (the independent observations; each is one whole matrix).
     */
    default double bic(WeightEnsemble ensemble) {
        return InformationCriteria.bic(parameterCount(), ensemble.members(), logLikelihood(ensemble));
    }

    /** One matrix drawn from the model, row-major; randomness only from {@code rng}. */
    double[] sample(RandomGenerator rng);

    /** An ensemble of {@code members} independent draws. */
    default WeightEnsemble sample(int members, RandomGenerator rng) {
        int size = rows() * cols();
        double[] data = new double[members * size];
        for (int n = 0; n < members; n++) {
            System.arraycopy(sample(rng), 0, data, n * size, size);
        }
        return WeightEnsemble.of(data, members, rows(), cols());
    }

    /**
     * The same Gaussian as 13 PIGMM parameters f1..f13 (docs/spec/pigmm.md §2.8 for the IID case, §6 for the
     * bipartite one).
     *
     * @throws IllegalStateException    if the model is not square
     * @throws IllegalArgumentException if D &lt; 4 (the PIGMM needs the irreps V_2 and V_3)
     */
    PigmmParameters toPigmmParameters();
}
