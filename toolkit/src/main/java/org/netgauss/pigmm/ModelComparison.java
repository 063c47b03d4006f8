package org.netgauss.pigmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Information-criterion comparison of Gaussian matrix models fitted to one ensemble (docs/spec/pigmm.md §6): by
 * default IID (2 parameters), S_M x S_N (bipartite when square; 5) and, for square D ≥ 4, the 13-parameter PIGMM;
 * or any list of {@link GaussianMatrixModel}s. AIC = 2k − 2 log L (Akaike 1974), BIC = k ln N − 2 log L with N the
 * number of members (Schwarz 1978); lower is better, and ΔAIC, ΔBIC are relative to the best model.
 *
 * <pre>{@code
 * ModelComparison.of(WeightEnsemble.read(Path.of("W2.npy")))      // renders as a table
 * ModelComparison.of(ensemble, List.of(IidGaussianModel.fit(ensemble), myModel))
 * }</pre>
 */
public record ModelComparison(List<Row> rows) {

    /**
     * One fitted model.
     *
     * @param logLikelihood the maximised log L, NaN when the fit is degenerate (a variance is 0)
     * @param members       the ensemble size N the model was fitted to
     */
    public record Row(String model, int parameters, double logLikelihood, int members) {
        /** 2k − 2 log L. */
        public double aic() {
            return InformationCriteria.aic(parameters, logLikelihood);
        }

        /** k ln N − 2 log L. */
        public double bic() {
            return InformationCriteria.bic(parameters, members, logLikelihood);
        }
    }

    public ModelComparison {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("a model comparison needs at least one model");
        }
        rows = List.copyOf(rows);
    }

    /**
     * Fits every applicable standard model to the ensemble: IID, S_M x S_N (bipartite S_D x S_D when square) and,
     * for square D ≥ 4, the PIGMM.
     */
    public static ModelComparison of(WeightEnsemble ensemble) {
        List<GaussianMatrixModel> models = new ArrayList<>();
        models.add(IidGaussianModel.fit(ensemble));
        models.add(RectangularModel.fit(ensemble));
        if (ensemble.isSquare() && ensemble.rows() >= 4) {
            models.add(Pigmm.fit(ensemble).parameters());
        }
        return of(ensemble, models);
    }

    /** Compares the given models (each fitted to {@code ensemble}) by their log-likelihood on {@code ensemble}. */
    public static ModelComparison of(WeightEnsemble ensemble, List<? extends GaussianMatrixModel> models) {
        List<Row> r = new ArrayList<>();
        for (GaussianMatrixModel m : models) {
            double logL;
            try {
                logL = m.logLikelihood(ensemble);
            } catch (IllegalStateException degenerate) { // no density: ranks last, shown as NaN
                logL = Double.NaN;
            }
            r.add(new Row(m.name(), m.parameterCount(), logL, ensemble.members()));
        }
        return new ModelComparison(r);
    }

    /** The row with the lowest AIC (NaN rows never win unless all are NaN). */
    public Row best() {
        Row best = rows.get(0);
        for (Row x : rows) {
            if (x.aic() < best.aic() || Double.isNaN(best.aic())) {
                best = x;
            }
        }
        return best;
    }

    /** The row of the model called {@code name}. */
    public Row row(String name) {
        for (Row x : rows) {
            if (x.model().equals(name)) {
                return x;
            }
        }
        throw new IllegalArgumentException("no model \"" + name + "\" in this comparison; models: "
                + rows.stream().map(Row::model).toList());
    }

    /** model, parameters, logL, AIC, ΔAIC, BIC, ΔBIC. */
    public Table toTable() {
        double minAic = best().aic();
        double minBic = rows.stream().mapToDouble(Row::bic).filter(x -> !Double.isNaN(x)).min().orElse(Double.NaN);
        return Table.create("model comparison",
                StringColumn.create("model", rows.stream().map(Row::model).toList()),
                IntColumn.create("parameters", rows.stream().mapToInt(Row::parameters).toArray()),
                DoubleColumn.create("logL", rows.stream().mapToDouble(Row::logLikelihood).toArray()),
                DoubleColumn.create("AIC", rows.stream().mapToDouble(Row::aic).toArray()),
                DoubleColumn.create("dAIC", rows.stream().mapToDouble(x -> x.aic() - minAic).toArray()),
                DoubleColumn.create("BIC", rows.stream().mapToDouble(Row::bic).toArray()),
                DoubleColumn.create("dBIC", rows.stream().mapToDouble(x -> x.bic() - minBic).toArray()));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("ModelComparison[");
        for (int k = 0; k < rows.size(); k++) {
            Row x = rows.get(k);
            b.append(k == 0 ? "" : ", ").append(x.model()).append(String.format(Locale.ROOT, " AIC=%.6g", x.aic()));
        }
        return b.append(", best=").append(best().model()).append(']').toString();
    }
}
