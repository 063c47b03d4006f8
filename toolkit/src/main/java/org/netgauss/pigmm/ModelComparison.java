package org.netgauss.pigmm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * AIC comparison of the Gaussian matrix models fitted to one ensemble (docs/spec/pigmm.md §6): IID (2 parameters), S_M x S_N
 * (bipartite when square; 5) and, for square D ≥ 4, the 13-parameter PIGMM. AIC = 2k − 2 log L (Akaike 1974);
 * lower is better, and ΔAIC is relative to the best model.
 */
public record ModelComparison(List<Row> rows) {

    /** One fitted model. */
    public record Row(String model, int parameters, double logLikelihood) {
        /** 2k − 2 log L. */
        public double aic() {
            return 2 * parameters - 2 * logLikelihood;
        }
    }

    public ModelComparison {
        rows = List.copyOf(rows);
    }

    /** Fits every applicable model to the ensemble. */
    public static ModelComparison of(WeightEnsemble ensemble) {
        List<Row> r = new ArrayList<>();
        IidGaussianModel iid = IidGaussianModel.fit(ensemble);
        r.add(new Row("IID", iid.parameterCount(), iid.logLikelihood(ensemble)));
        RectangularModel rect = RectangularModel.fit(ensemble);
        r.add(new Row(ensemble.isSquare() ? "bipartite S_D x S_D" : "S_M x S_N", rect.parameterCount(),
                rect.logLikelihood(ensemble)));
        if (ensemble.isSquare() && ensemble.rows() >= 4) {
            PigmmFit fit = Pigmm.fit(ensemble);
            r.add(new Row("PIGMM", fit.parameterCount(), fit.logLikelihood()));
        }
        return new ModelComparison(r);
    }

    /** The row with the lowest AIC. */
    public Row best() {
        Row best = rows.get(0);
        for (Row x : rows) {
            if (x.aic() < best.aic()) {
                best = x;
            }
        }
        return best;
    }

    /** model, parameters, logL, AIC, ΔAIC. */
    public Table toTable() {
        double min = best().aic();
        return Table.create("model comparison",
                StringColumn.create("model", rows.stream().map(Row::model).toList()),
                IntColumn.create("parameters", rows.stream().mapToInt(Row::parameters).toArray()),
                DoubleColumn.create("logL", rows.stream().mapToDouble(Row::logLikelihood).toArray()),
                DoubleColumn.create("AIC", rows.stream().mapToDouble(Row::aic).toArray()),
                DoubleColumn.create("dAIC", rows.stream().mapToDouble(x -> x.aic() - min).toArray()));
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
