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

class TableViewTest {
    static Table longFormat() {
        return Table.create("traj", StringColumn.create("layer", "W2", "W2", "W3", "W3", "W4"),
                IntColumn.create("epoch", 0, 5, 0, 5, 0),
                DoubleColumn.create("w2sq", 0.0, 1.0 / 3, 0.0, 2.0 / 3, 0.0));
    }

    @Test
    void defaultShowsFourDigitsAndAllDigitsShowsEvery() {
        String four = TableView.of(longFormat()).html();
        assertTrue(four.contains("<td>0.3333</td>") && !four.contains("0.33333"), four);
        String all = TableView.of(longFormat()).allDigits().html();
        assertTrue(all.contains("<td>0.3333333333333333</td>"), all);
        assertTrue(TableView.of(longFormat()).digits(2).html().contains("<td>0.67</td>"));
    }

    @Test
    void theDataKeepEveryDigit() {
        Table t = longFormat();
        TableView.of(t).html();
        assertEquals(1.0 / 3, t.doubleColumn("w2sq").get(1));
    }

    @Test
    void allRowsShowsALongTableWhole() {
        Table t = TableHtmlTest.numbered(96);
        assertTrue(TableView.of(t).html().contains("76 more rows"));
        String whole = TableView.of(t).allRows().html();
        assertFalse(whole.contains("more row"), whole);
        assertEquals(1 + 96, TableHtmlTest.count(whole, "<tr>"));
    }

    @Test
    void pivotMakesOneRowPerKeyAndLeavesAbsentPairsEmpty() {
        TableView p = TableView.of(longFormat()).pivot("layer", "epoch", "w2sq");
        Table g = p.table();
        assertEquals(3, g.rowCount());
        assertEquals(java.util.List.of("layer \\ epoch", "0", "5"), g.columnNames());
        assertEquals(2.0 / 3, g.doubleColumn("5").get(1));
        assertTrue(g.doubleColumn("5").isMissing(2));
        assertTrue(p.html().contains("<td>0.6667</td><td></td>") || p.html().contains("<td>0</td><td></td>"), p.html());
    }

    @Test
    void pivotRejectsDuplicatePairsAndMissingColumns() {
        Table dup = Table.create("d", StringColumn.create("a", "x", "x"), IntColumn.create("b", 1, 1),
                DoubleColumn.create("v", 1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableView.of(dup).pivot("a", "b", "v"));
        assertTrue(e.getMessage().contains("a = x and b = 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TableView.of(dup).pivot("a", "nope", "v"));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TableView.of(dup).pivot("a", "b", "a"));
    }

    @Test
    void ofAResultUsesItsTableAndRejectsValuesWithout() {
        var w = new org.netgauss.pigmm.WassersteinBreakdown(10, 0.5, 0.1, 0.1, 0.1, 0.2);
        assertEquals(w.toTable().rowCount(), TableView.of((Object) w).table().rowCount());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TableView.of((Object) "x"));
        assertTrue(e.getMessage().contains("java.lang.String has no public toTable()"), e.getMessage());
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> TableView.of(longFormat()).rows(-1));
        assertThrows(IllegalArgumentException.class, () -> TableView.of(longFormat()).digits(18));
    }

    @Test
    void textFormHasFourDigitsToo() {
        String text = TableView.of(longFormat()).text();
        assertTrue(text.contains("0.3333") && !text.contains("0.33333"), text);
    }
}
