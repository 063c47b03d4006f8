package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A table with the way to show it, as the value of a cell: how many rows and how many significant digits.
 * {@code TableView.of(t).allRows()} shows a long table whole, {@code TableView.of(fit).allDigits()} a result's
 * table with every digit, {@code TableView.of(t).pivot("layer", "epoch", "w2sq")} a long table as a grid. The
 * setting belongs to this one value: nothing global changes.
 *
 * @param table   the table (shown, never modified)
 * @param maxRows rows shown, first and last, around a "… N more rows" line
 * @param digits  significant digits of floating-point cells ({@link SignificantDigits#ALL}: every digit)
 */
public record TableView(Table table, int maxRows, int digits) {
    public TableView {
        Objects.requireNonNull(table, "table");
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, found " + maxRows);
        }
        SignificantDigits.check(digits);
    }

    /** The table with the default row limit and digits. */
    public static TableView of(Table table) {
        return new TableView(table, TableHtml.DEFAULT_MAX_ROWS, SignificantDigits.DEFAULT);
    }

    /**
     * The table of a result (its {@code toTable()}), all rows up to {@link ResultTables#MAX_ROWS}.
     *
     * @throws IllegalArgumentException if the value has no public {@code toTable()} returning a table
     */
    public static TableView of(Object result) {
        Objects.requireNonNull(result, "result");
        if (result instanceof Table t) {
            return of(t);
        }
        Table t = ResultTables.tableOf(result).orElseThrow(() -> new IllegalArgumentException(
                result.getClass().getName() + " has no public toTable(); pass a Table or a result that has one"));
        return new TableView(t, ResultTables.MAX_ROWS, SignificantDigits.DEFAULT);
    }

    /** Every row. */
    public TableView allRows() {
        return new TableView(table, Integer.MAX_VALUE, digits);
    }

    /** At most {@code n} rows, first and last. */
    public TableView rows(int n) {
        return new TableView(table, n, digits);
    }

    /** Every digit of every number. */
    public TableView allDigits() {
        return new TableView(table, maxRows, SignificantDigits.ALL);
    }

    /** {@code n} significant digits. */
    public TableView digits(int n) {
        return new TableView(table, maxRows, n);
    }

    /**
     * The long table as a grid: one row per value of {@code rows}, one column per value of {@code columns} (both
     * in order of first appearance), holding {@code values}; empty where a pair does not occur. All rows are shown.
     *
     * @throws IllegalArgumentException naming the column if one is missing or {@code values} is not numeric,
     *                                  and naming the pair if a (row, column) pair occurs twice
     */
    public TableView pivot(String rows, String columns, String values) {
        for (String c : List.of(rows, columns, values)) {
            if (!table.columnNames().contains(c)) {
                throw new IllegalArgumentException("Column " + c + " does not exist in table " + table.name()
                        + "; it has " + table.columnNames());
            }
        }
        if (!(table.column(values) instanceof NumericColumn<?> v)) {
            throw new IllegalArgumentException("column " + values + " of table " + table.name() + " is not numeric");
        }
        Map<String, Map<String, Double>> grid = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            String row = table.getString(r, rows);
            String col = table.getString(r, columns);
            if (!keys.contains(col)) {
                keys.add(col);
            }
            Double before = grid.computeIfAbsent(row, k -> new LinkedHashMap<>()).put(col, v.getDouble(r));
            if (before != null) {
                throw new IllegalArgumentException("table " + table.name() + " has two rows with " + rows + " = "
                        + row + " and " + columns + " = " + col + "; pivot needs one value per pair");
            }
        }
        Table out = Table.create(table.name() + ": " + values + " by " + rows + " and " + columns,
                StringColumn.create(rows + " \\ " + columns, grid.keySet()));
        for (String col : keys) {
            DoubleColumn d = DoubleColumn.create(col);
            for (Map<String, Double> row : grid.values()) {
                Double x = row.get(col);
                if (x == null) {
                    d.appendMissing();
                } else {
                    d.append(x);
                }
            }
            out.addColumns(d);
        }
        return new TableView(out, Integer.MAX_VALUE, digits);
    }

    /** The view as HTML ({@link TableHtml#render(Table, int, int)}). */
    public String html() {
        return TableHtml.render(table, maxRows, digits);
    }

    /** The view as text. */
    public String text() {
        return TableHtml.text(table, maxRows, digits);
    }

    @Override
    public String toString() {
        return text();
    }
}
