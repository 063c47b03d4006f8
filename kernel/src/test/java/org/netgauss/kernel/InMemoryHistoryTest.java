package org.netgauss.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryHistoryTest {
    private static InMemoryHistory filled() {
        InMemoryHistory h = new InMemoryHistory();
        h.record(1, "int a = 1;", "");
        h.record(2, "a + 1", "2");
        h.record(3, "a + 1", "2");
        h.record(4, "System.out.println(a);", "");
        return h;
    }

    private static List<Integer> numbers(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    @Test
    void tailReturnsTheLastCellsInOrder() {
        assertEquals(List.of(3, 4), numbers(filled().lookupTail(2, Set.of())));
    }

    @Test
    void rangeIsStartInclusiveStopExclusive() {
        assertEquals(List.of(2, 3), numbers(filled().lookupRange(InMemoryHistory.SESSION, 2, 4, Set.of())));
    }

    @Test
    void searchUsesGlobsAndUniqueKeepsTheLatest() {
        InMemoryHistory h = filled();
        assertEquals(List.of(2, 3), numbers(h.search("a + *", 10, Set.of())));
        assertEquals(List.of(3), numbers(h.search("a + *", 10, EnumSet.of(ResultFlag.UNIQUE))));
        assertEquals(List.of(4), numbers(h.search("System.out.println(?);", 10, Set.of())));
    }

    @Test
    void outputIsIncludedOnlyWhenAskedFor() {
        InMemoryHistory h = filled();
        assertFalse(h.lookupTail(1, Set.of()).get(0).hasOutput());
        assertTrue(h.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT)).get(0).hasOutput());
    }
}
