package org.netgauss.notebook;

import java.lang.reflect.Array;
import java.util.List;

/**
 * Java arrays as a reader wants to see them instead of {@code [I@1a2b}: element type and length, then the
 * elements ({@code int[5] {1, 2, 3, 4, 5}}), the first and last ones of a long array, numbers with every digit.
 * A rectangular numeric matrix also renders as an HTML table at {@value SignificantDigits#DEFAULT} digits.
 */
public final class ArrayText {
    /** Elements shown whole; longer arrays show the first {@code 30} and the last {@code 10}. */
    static final int WHOLE = 40;
    /** Rows and columns of a matrix shown as HTML. */
    static final int MATRIX = 60;

    /** The array types the renderer registers (a type not listed falls back to {@code toString}). */
    public static final List<Class<?>> TYPES = List.of(int[].class, long[].class, double[].class, float[].class,
            short[].class, byte[].class, boolean[].class, char[].class, String[].class, Object[].class,
            int[][].class, long[][].class, double[][].class, float[][].class, String[][].class, Object[][].class);

    private ArrayText() {
    }

    /** {@code type[length] {elements}}, nested arrays recursively; null as "null". */
    public static String describe(Object array) {
        if (array == null) {
            return "null";
        }
        if (!array.getClass().isArray()) {
            throw new IllegalArgumentException("not an array: " + array.getClass().getName());
        }
        StringBuilder s = new StringBuilder();
        append(s, array);
        return s.toString();
    }

    /**
     * A rectangular numeric matrix ({@code double[][]}, {@code float[][]}, {@code int[][]}, {@code long[][]}) as
     * an HTML table with row and column indices, or null if {@code array} is not one (ragged, empty, other).
     */
    public static String matrixHtml(Object array, int digits) {
        if (array == null || !array.getClass().isArray() || !array.getClass().getComponentType().isArray()
                || !array.getClass().getComponentType().getComponentType().isPrimitive()
                || array.getClass().getComponentType().getComponentType() == boolean.class
                || array.getClass().getComponentType().getComponentType() == char.class) {
            return null;
        }
        int rows = Array.getLength(array);
        if (rows == 0 || Array.get(array, 0) == null) {
            return null;
        }
        int cols = Array.getLength(Array.get(array, 0));
        for (int r = 0; r < rows; r++) {
            Object row = Array.get(array, r);
            if (row == null || Array.getLength(row) != cols) {
                return null;
            }
        }
        StringBuilder html = new StringBuilder("<table>\n<caption>")
                .append(array.getClass().getComponentType().getComponentType().getName()).append("[").append(rows)
                .append("][").append(cols).append("]</caption>\n<thead>\n<tr><th></th>");
        int shownCols = Math.min(cols, MATRIX);
        for (int c = 0; c < shownCols; c++) {
            html.append("<th>").append(c).append("</th>");
        }
        if (shownCols < cols) {
            html.append("<th>\u2026 ").append(cols - shownCols).append(" more</th>");
        }
        html.append("</tr>\n</thead>\n<tbody>\n");
        for (int r = 0; r < Math.min(rows, MATRIX); r++) {
            Object row = Array.get(array, r);
            html.append("<tr><th>").append(r).append("</th>");
            for (int c = 0; c < shownCols; c++) {
                html.append("<td>").append(number(Array.get(row, c), digits)).append("</td>");
            }
            if (shownCols < cols) {
                html.append("<td>\u2026</td>");
            }
            html.append("</tr>\n");
        }
        if (rows > MATRIX) {
            html.append("<tr><td colspan=\"").append(shownCols + 1).append("\">\u2026 ").append(rows - MATRIX)
                    .append(" more rows</td></tr>\n");
        }
        return html.append("</tbody>\n</table>\n").toString();
    }

    private static String number(Object boxed, int digits) {
        return boxed instanceof Double d ? SignificantDigits.format(d, digits)
                : boxed instanceof Float f ? SignificantDigits.format(f, digits) : String.valueOf(boxed);
    }

    private static void append(StringBuilder s, Object array) {
        int n = Array.getLength(array);
        Class<?> type = array.getClass().getComponentType();
        int depth = 0;
        Class<?> leaf = type;
        while (leaf.isArray()) {
            leaf = leaf.getComponentType();
            depth++;
        }
        s.append(leaf.getSimpleName()).append('[').append(n).append(']').append("[]".repeat(depth)).append(" {");
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                s.append(", ");
            }
            if (n > WHOLE && i == WHOLE - 10) {
                s.append("\u2026 ").append(n - WHOLE).append(" more, ");
                i = n - 10;
            }
            Object e = Array.get(array, i);
            if (e != null && e.getClass().isArray()) {
                append(s, e);
            } else if (e instanceof String str) {
                s.append('"').append(str).append('"');
            } else {
                s.append(e);
            }
        }
        s.append('}');
    }
}
