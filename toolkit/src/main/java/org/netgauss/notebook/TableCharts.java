package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * XChart charts straight from a long-format Tablesaw table: one series per value of a grouping column, in order of
 * first appearance, styled by {@link ChartStyle}. {@code TableCharts.line(traj, "epoch", "w2sq", "layer", "W₂² from init")} is one cell.
 */
public final class TableCharts {
    private TableCharts() {
    }

    /** Default chart size in pixels. */
    public static final int WIDTH = 640;
    public static final int HEIGHT = 340;

    /**
     * A line chart of {@code y} against {@code x} with one series per value of {@code by} (null: one series).
     *
     * @throws IllegalArgumentException naming the column and the table's columns, if a column is missing
     */
    public static XYChart line(Table t, String x, String y, String by, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, Table> g : groups(t, by).entrySet()) {
            chart.addSeries(g.getKey(), numbers(g.getValue(), x), numbers(g.getValue(), y));
        }
        return ChartStyle.apply(chart);
    }

    /** A line chart of several numeric columns {@code ys} against {@code x}, one series per column. */
    public static XYChart columns(Table t, String x, List<String> ys, String title) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).build();
        chart.getStyler().setMarkerSize(4);
        for (String y : ys) {
            chart.addSeries(y, numbers(t, x), numbers(t, y));
        }
        return ChartStyle.apply(chart);
    }

    /** A grouped bar chart of {@code value} per {@code category}, one bar series per value of {@code by}. */
    public static CategoryChart bars(Table t, String category, String value, String by, String title) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(category)
                .yAxisTitle(value).build();
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setOverlapped(false);
        for (Map.Entry<String, Table> g : groups(t, by).entrySet()) {
            List<String> cats = new ArrayList<>();
            for (int r = 0; r < g.getValue().rowCount(); r++) {
                cats.add(g.getValue().getString(r, column(t, category)));
            }
            chart.addSeries(g.getKey(), cats, toList(numbers(g.getValue(), value)));
        }
        return ChartStyle.apply(chart);
    }

    /**
     * Rows split by the string form of column {@code by}, keeping the order of first appearance. Groups of a
     * numeric column are named with the column, so a legend reads "epoch 50" rather than "50".
     */
    static Map<String, Table> groups(Table t, String by) {
        Map<String, Table> out = new LinkedHashMap<>();
        if (by == null) {
            out.put(t.name() == null ? "series" : t.name(), t);
            return out;
        }
        String col = column(t, by);
        boolean numeric = t.column(col) instanceof NumericColumn<?>;
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        for (int r = 0; r < t.rowCount(); r++) {
            String key = t.getString(r, col);
            rows.computeIfAbsent(numeric ? col + " " + key : key, k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<Integer>> e : rows.entrySet()) {
            out.put(e.getKey(), t.rows(e.getValue().stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }

    static double[] numbers(Table t, String name) {
        if (!(t.column(column(t, name)) instanceof NumericColumn<?> c)) {
            throw new IllegalArgumentException("column " + name + " of table " + t.name() + " is not numeric");
        }
        return c.asDoubleArray();
    }

    private static List<Double> toList(double[] v) {
        List<Double> l = new ArrayList<>(v.length);
        for (double x : v) {
            l.add(x);
        }
        return l;
    }

    private static String column(Table t, String name) {
        if (!t.columnNames().contains(name)) {
            throw new IllegalArgumentException("Column " + name + " does not exist in table " + t.name() + "; it has "
                    + t.columnNames());
        }
        return name;
    }
}
