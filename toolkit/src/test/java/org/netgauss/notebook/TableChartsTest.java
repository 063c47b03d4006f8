package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class TableChartsTest {
    private static Table table() {
        return Table.create("t", IntColumn.create("epoch", 0, 1, 0, 1, 0, 1),
                StringColumn.create("layer", "W2", "W2", "W3", "W3", "W4", "W4"),
                DoubleColumn.create("w2sq", 0, 1, 0, 2, 0, 3));
    }

    @Test
    void lineChartHasOneSeriesPerGroupInOrderOfAppearance() {
        XYChart c = TableCharts.line(table(), "epoch", "w2sq", "layer", "W2");
        assertEquals(java.util.List.of("W2", "W3", "W4"), java.util.List.copyOf(c.getSeriesMap().keySet()));
        ChartImages.png2x(c);
    }

    @Test
    void barChartGroupsRows() {
        assertEquals(3, TableCharts.bars(table(), "epoch", "w2sq", "layer", "bars").getSeriesMap().size());
    }

    @Test
    void seriesOfANumericColumnAreNamedWithTheColumn() {
        CategoryChart c = TableCharts.bars(table(), "layer", "w2sq", "epoch", "by epoch");
        assertEquals(true, c.getSeriesMap().keySet().stream().allMatch(k -> k.startsWith("epoch ")),
                c.getSeriesMap().keySet().toString());
    }

    @Test
    void missingColumnIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TableCharts.line(table(), "epoch", "nope", null, "x"));
        assertEquals(true, e.getMessage().contains("nope"));
    }
}
