package org.netgauss.kernel;

import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inputs of this kernel session, for Jupyter's {@code history_request} (tail, range and glob search).
 * Only the current session (number 1) is kept: the kernel has no database.
 */
final class InMemoryHistory implements HistoryManager {
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {
    }

    private final List<Cell> cells = new ArrayList<>();

    synchronized void record(int executionCount, String input, String output) {
        cells.add(new Cell(executionCount, input, output == null ? "" : output));
    }

    @Override
    public synchronized List<HistoryEntry> lookupRange(int sessionOffset, int start, int stop, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        if (sessionOffset != 0 && sessionOffset != SESSION) {
            return out;
        }
        for (Cell c : cells) {
            if (c.number() >= start && c.number() < stop) {
                out.add(entry(c, flags));
            }
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        List<HistoryEntry> out = new ArrayList<>();
        for (Cell c : cells.subList(Math.max(0, cells.size() - length), cells.size())) {
            out.add(entry(c, flags));
        }
        return out;
    }

    @Override
    public synchronized List<HistoryEntry> search(String glob, int length, Set<ResultFlag> flags) {
        Pattern pattern = Pattern.compile(globToRegex(glob), Pattern.DOTALL);
        Map<String, Cell> matches = new LinkedHashMap<>();
        List<Cell> all = new ArrayList<>();
        for (Cell c : cells) {
            if (pattern.matcher(c.input()).matches()) {
                all.add(c);
                matches.remove(c.input());
                matches.put(c.input(), c); // the latest of equal inputs, in order of last use
            }
        }
        List<Cell> found = flags.contains(ResultFlag.UNIQUE) ? new ArrayList<>(matches.values()) : all;
        int from = length > 0 ? Math.max(0, found.size() - length) : 0;
        List<HistoryEntry> out = new ArrayList<>();
        for (Cell c : found.subList(from, found.size())) {
            out.add(entry(c, flags));
        }
        return out;
    }

    private static HistoryEntry entry(Cell c, Set<ResultFlag> flags) {
        return flags.contains(ResultFlag.INCLUDE_OUTPUT)
                ? new HistoryEntry(SESSION, c.number(), c.input(), c.output())
                : new HistoryEntry(SESSION, c.number(), c.input(), null);
    }

    /** IPython's history search uses shell globs: '*' and '?'. */
    static String globToRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char ch : glob.toCharArray()) {
            switch (ch) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        return re.toString();
    }
}
