package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableHtmlTest {
    static Table numbered(int rows) {
        int[] ids = new int[rows];
        double[] squares = new double[rows];
        String[] names = new String[rows];
        for (int i = 0; i < rows; i++) {
            ids[i] = i;
            squares[i] = (double) i * i;
            names[i] = "row" + i;
        }
        return Table.create("numbers", IntColumn.create("id", ids), DoubleColumn.create("square", squares),
                StringColumn.create("name", names));
    }

    static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void shortTableShowsAllRowsAndHeaders() {
        String html = TableHtml.render(numbered(5));
        assertTrue(html.contains("<th>id</th><th>square</th><th>name</th>"), html);
        assertEquals(1 + 5, count(html, "<tr>"), html); // header + 5 rows
        assertFalse(html.contains("more row"), html);
        assertTrue(html.contains("<caption>numbers: 5 rows \u00d7 3 columns</caption>"), html);
        assertTrue(html.contains("<td>row4</td>"), html);
    }

    @Test
    void longTableShowsFirstAndLastRowsAndCountsTheRest() {
        String html = TableHtml.render(numbered(100), 20);
        // header + 10 first + the "more rows" line + 10 last
        assertEquals(1 + 10 + 1 + 10, count(html, "<tr>"), html);
        assertTrue(html.contains("\u2026 80 more rows"), html);
        assertTrue(html.contains("<td>row9</td>") && !html.contains("<td>row10</td>"), html);
        assertTrue(html.contains("<td>row90</td>") && !html.contains("<td>row89</td>"), html);
        assertTrue(html.contains("<td colspan=\"3\">"), html);
    }

    @Test
    void oddRowLimitShowsOneMoreRowAtTheTop() {
        String html = TableHtml.render(numbered(10), 5);
        assertEquals(1 + 3 + 1 + 2, count(html, "<tr>"), html);
        assertTrue(html.contains("\u2026 5 more rows"), html);
        assertTrue(html.contains("<td>row2</td>") && html.contains("<td>row8</td>") && !html.contains("<td>row3</td>"));
    }

    @Test
    void defaultLimitIsTwentyRows() {
        assertTrue(TableHtml.render(numbered(21)).contains("\u2026 1 more row<"));
        assertFalse(TableHtml.render(numbered(20)).contains("more row"));
    }

    @Test
    void cellTextAndNamesAreEscaped() {
        Table t = Table.create("a<b", StringColumn.create("x<y", "<script>alert('&')</script>"));
        String html = TableHtml.render(t);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;&amp;&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("<th>x&lt;y</th>") && html.contains("a&lt;b"), html);
    }

    @Test
    void negativeRowLimitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> TableHtml.render(numbered(3), -1));
    }

    @Test
    void textFallbackHasColumnNamesAndLimitsRows() {
        String text = TableHtml.text(numbered(100), 10);
        assertTrue(text.contains("id") && text.contains("square") && text.contains("name"), text);
        assertTrue(text.contains("row0") && text.contains("row99") && !text.contains("row50"), text);
    }
}
