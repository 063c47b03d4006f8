package org.netgauss.study;

import org.netgauss.pigmm.IidGaussianModel;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.RectangularModel;
import org.netgauss.pigmm.WeightEnsemble;
import java.util.List;
import java.util.Set;
import java.util.function.IntToDoubleFunction;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The table behind {@link PigmmTrajectory}: the PIGMM fitted at every checkpoint of a run, per square layer (Hirst &amp; Ramgoolam 2025, Sec. 3 and 5; docs/spec/pigmm.md
 * §2.6, §4): one row per (epoch, layer) with D, f1..f13, the squared Wasserstein distance
 * {@code w2sq} = W₂² to the analytic initialisation reference {@link PigmmParameters#initReference} (the squared
 * distance, as the authors plot it), and the maximised log-likelihoods of the IID, bipartite S_D x S_D and
 * 13-parameter models ({@code logL_iid}, {@code logL_bipartite}, {@code logL_pigmm}).
 *
 * <p>Cached in {@code <run>/analysis/pigmm.csv} ({@link AnalysisCache}): a second call reads the file and fits
 * only checkpoints added since.
 */
public final class PigmmTable {
    private PigmmTable() {
    }

    /** The cache name in the run's {@code analysis/} folder. */
    public static final String NAME = "pigmm";

    /** Text columns of the table. */
    public static final Set<String> TEXT_COLUMNS = Set.of("layer");

    /**
     * Fits every checkpoint of {@code run} for each of {@code layers} (e.g. W2, W3, W4).
     *
     * @param initVariance s² of an initial weight as a function of the layer's fan-in D (1/D for the paper's
     *                     Gaussian init, 1/(3D) for the uniform one)
     */
    public static Table of(RunDir run, List<String> layers, IntToDoubleFunction initVariance) {
        Table t = AnalysisCache.rows(run, NAME, run.epochs(), TEXT_COLUMNS,
                rows -> rows.stringColumn("layer").unique().asSet().containsAll(layers), e -> epoch(run, e, layers, initVariance));
        return t.where(t.stringColumn("layer").isIn(layers)).setName(t.name());
    }

    /** The rows for one checkpoint (uncached). */
    public static Table epoch(RunDir run, int epoch, List<String> layers, IntToDoubleFunction initVariance) {
        int n = layers.size();
        double[][] f = new double[13][n];
        double[] w2 = new double[n];
        double[] iid = new double[n];
        double[] bip = new double[n];
        double[] full = new double[n];
        int[] dims = new int[n];
        for (int k = 0; k < n; k++) {
            WeightEnsemble ens = layer(run, epoch, layers.get(k));
            int d = ens.rows();
            dims[k] = d;
            PigmmFit fit = Pigmm.fit(ens);
            double[] fk = fit.parameters().toArray();
            for (int j = 0; j < 13; j++) {
                f[j][k] = fk[j];
            }
            w2[k] = fit.parameters().wasserstein2Squared(
                    PigmmParameters.initReference(d, initVariance.applyAsDouble(d), ens.members()));
            full[k] = fit.logLikelihood();
            iid[k] = IidGaussianModel.fit(ens).logLikelihood(ens);
            bip[k] = RectangularModel.fit(ens).logLikelihood(ens);
        }
        int[] ep = new int[n];
        java.util.Arrays.fill(ep, epoch);
        Table t = Table.create(NAME, IntColumn.create("epoch", ep), StringColumn.create("layer", layers),
                IntColumn.create("D", dims));
        for (int j = 0; j < 13; j++) {
            t.addColumns(DoubleColumn.create("f" + (j + 1), f[j]));
        }
        return t.addColumns(DoubleColumn.create("w2sq", w2), DoubleColumn.create("logL_iid", iid),
                DoubleColumn.create("logL_bipartite", bip), DoubleColumn.create("logL_pigmm", full));
    }

    /** Layer {@code layer} at checkpoint {@code epoch} of {@code run}, named in errors by run, epoch and layer. */
    static WeightEnsemble layer(RunDir run, int epoch, String layer) {
        try {
            return WeightEnsemble.of(run.checkpoint(epoch).weights(layer));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(run + " epoch " + epoch + " " + layer + ": " + e.getMessage(), e);
        }
    }

    /** The fitted parameters of one row of a trajectory table. */
    public static PigmmParameters parameters(Table trajectory, int row) {
        double[] f = new double[13];
        for (int j = 0; j < 13; j++) {
            f[j] = trajectory.doubleColumn("f" + (j + 1)).getDouble(row);
        }
        return PigmmParameters.of(trajectory.intColumn("D").getInt(row), f);
    }
}
