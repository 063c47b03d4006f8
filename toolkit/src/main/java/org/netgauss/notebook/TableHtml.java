package org.netgauss.notebook;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Tablesaw tables as notebook output: compact HTML for {@code text/html} and Tablesaw's own text layout for
 * {@code text/plain}. Pure functions, no kernel needed.
 *
 * <p>Floating-point numbers show {@value SignificantDigits#DEFAULT} significant digits unless asked otherwise
 * ({@link SignificantDigits}); the table itself keeps every digit. Long tables show their first and last rows around a "… N more rows" line, as Tablesaw's
 * {@code print()} and pandas do, so a cell never floods the notebook. The markup is plain
 * {@code <table>/<thead>/<tbody>} without CSS or scripts, which Jupyter styles itself and nbconvert keeps.
 */
public final class TableHtml {
    /** Rows shown when no limit is given. */
    public static final int DEFAULT_MAX_ROWS = 20;

    private TableHtml() {
    }

    /** {@link #render(Table, int, int)} with {@link #DEFAULT_MAX_ROWS} and {@link SignificantDigits#DEFAULT}. */
    public static String render(Table table) {
        return render(table, DEFAULT_MAX_ROWS, SignificantDigits.DEFAULT);
    }

    /** {@link #render(Table, int, int)} with {@link SignificantDigits#DEFAULT} digits. */
    public static String render(Table table, int maxRows) {
        return render(table, maxRows, SignificantDigits.DEFAULT);
    }

    /**
     * The table as HTML: a caption with name and shape, a header row of column names, and at most
     * {@code maxRows} data rows (the first {@code ceil(maxRows/2)} and the last {@code floor(maxRows/2)},
     * with one "… N more rows" row between them when rows were left out). Floating-point cells show
     * {@code digits} significant digits ({@link SignificantDigits#ALL}: every digit). All text is HTML-escaped.
     *
     * @throws IllegalArgumentException if {@code maxRows < 0} or digits is not in [0, 17]
     */
    public static String render(Table table, int maxRows, int digits) {
        if (maxRows < 0) {
            throw new IllegalArgumentException("maxRows must be >= 0, found " + maxRows);
        }
        SignificantDigits.check(digits);
        int rows = table.rowCount();
        int cols = table.columnCount();
        StringBuilder html = new StringBuilder(1024);
        html.append("<table>\n<caption>");
        if (table.name() != null && !table.name().isEmpty()) {
            html.append(escape(table.name())).append(": ");
        }
        html.append(rows).append(rows == 1 ? " row" : " rows").append(" \u00d7 ").append(cols)
                .append(cols == 1 ? " column" : " columns").append("</caption>\n<thead>\n<tr>");
        for (String name : table.columnNames()) {
            html.append("<th>").append(escape(name)).append("</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        if (rows <= maxRows) {
            appendRows(html, table, 0, rows, digits);
        } else {
            int head = (maxRows + 1) / 2;
            int tail = maxRows / 2;
            appendRows(html, table, 0, head, digits);
            int hidden = rows - head - tail;
            html.append("<tr><td colspan=\"").append(Math.max(cols, 1)).append("\">\u2026 ").append(hidden)
                    .append(hidden == 1 ? " more row" : " more rows").append("</td></tr>\n");
            appendRows(html, table, rows - tail, rows, digits);
        }
        html.append("</tbody>\n</table>\n");
        return html.toString();
    }

    /** The table as text: Tablesaw's layout of at most {@code maxRows} rows, first and last, 4 digits. */
    public static String text(Table table, int maxRows) {
        return text(table, maxRows, SignificantDigits.DEFAULT);
    }

    /** The table as text with {@code digits} significant digits in floating-point columns. */
    public static String text(Table table, int maxRows, int digits) {
        SignificantDigits.check(digits);
        Table shown = Table.create(table.name());
        for (Column<?> c : table.columns()) {
            if (isFloating(c)) {
                StringColumn s = StringColumn.create(c.name());
                for (int r = 0; r < table.rowCount(); r++) {
                    s.append(cell(table, r, table.columnIndex(c), digits));
                }
                shown.addColumns(s);
            } else {
                shown.addColumns(c);
            }
        }
        return shown.print(maxRows);
    }

    /** One cell as shown: floating-point values with {@code digits} significant digits, missing values empty. */
    static String cell(Table table, int row, int col, int digits) {
        Column<?> c = table.column(col);
        if (c.isMissing(row)) {
            return "";
        }
        if (c instanceof DoubleColumn d) {
            return SignificantDigits.format(d.getDouble(row), digits);
        }
        if (c instanceof FloatColumn f) {
            return SignificantDigits.format(f.getFloat(row), digits);
        }
        return table.getString(row, col);
    }

    private static boolean isFloating(Column<?> c) {
        return c.type() == ColumnType.DOUBLE || c.type() == ColumnType.FLOAT;
    }

    /** HTML-escapes {@code & < > " '} so cell text cannot become markup. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static void appendRows(StringBuilder html, Table table, int from, int to, int digits) {
        int cols = table.columnCount();
        for (int r = from; r < to; r++) {
            html.append("<tr>");
            for (int c = 0; c < cols; c++) {
                html.append("<td>").append(escape(cell(table, r, c, digits))).append("</td>");
            }
            html.append("</tr>\n");
        }
    }
}
