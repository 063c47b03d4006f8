package org.netgauss.notebook;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.netgauss.nn.EpochMetrics;
import tech.tablesaw.api.Table;

/**
 * Training curves: the ensemble's mean accuracy per epoch, on the training set and on the test set (what
 * {@link EpochMetrics#validationAccuracy()} measures in the paper runs), one series per setting.
 */
public final class TrainingCharts {
    private static final String SETTING = "setting";
    private static final String MEAN_TEST_ACCURACY = "Mean [test_accuracy]";

    private TrainingCharts() {
    }

    /** Mean test and training accuracy of one ensemble against epoch. */
    public static XYChart accuracy(String title, List<EpochMetrics> metrics) {
        Plots.notEmpty(metrics, "metrics");
        XYChart c = Plots.xy(title, "epoch", "accuracy [%]");
        add(c, "test", metrics, EpochMetrics::validationAccuracy);
        add(c, "train", metrics, EpochMetrics::trainAccuracy);
        return ChartStyle.apply(c);
    }

    /** Mean test accuracy against epoch, one series per setting. */
    public static XYChart testAccuracy(String title, Map<String, List<EpochMetrics>> bySetting) {
        Plots.notEmpty(bySetting, "settings");
        XYChart c = Plots.xy(title, "epoch", "test accuracy [%]");
        bySetting.forEach((name, m) -> add(c, name, Plots.notEmpty(m, name), EpochMetrics::validationAccuracy));
        return ChartStyle.apply(c);
    }

    /**
     * Mean test accuracy against epoch, one series per setting, from a per-epoch summary table with columns
     * {@code setting}, {@code epoch} and {@code Mean [test_accuracy]} (a fraction), as the study's
     * {@code accuracy(settings)} gives it from the committed results or the runs.
     *
     * @throws IllegalArgumentException naming the missing column and the table's columns
     */
    public static XYChart testAccuracy(String title, Table accuracy) {
        XYChart c = Plots.xy(title, "epoch", "test accuracy [%]");
        for (Map.Entry<String, Table> g : TableCharts.groups(accuracy, SETTING).entrySet()) {
            Table t = g.getValue();
            double[] acc = TableCharts.numbers(t, MEAN_TEST_ACCURACY);
            for (int i = 0; i < acc.length; i++) {
                acc[i] *= 100;
            }
            c.addSeries(g.getKey(), TableCharts.numbers(t, "epoch"), acc);
        }
        Plots.notEmpty(c.getSeriesMap().values(), "settings of " + accuracy.name());
        return ChartStyle.apply(c);
    }

    private static XYSeries add(XYChart c, String name, List<EpochMetrics> metrics,
            Function<EpochMetrics, double[]> f) {
        double[] epochs = metrics.stream().mapToDouble(EpochMetrics::epoch).toArray();
        double[] mean = metrics.stream().mapToDouble(m -> 100 * mean(f.apply(m))).toArray();
        return c.addSeries(name, epochs, mean);
    }

    private static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
