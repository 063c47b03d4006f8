package org.netgauss.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the header dictionary of a {@code .npy} file as strictly as NumPy's own reader
 * ({@code numpy/lib/format.py}, {@code _read_array_header}): a Python dict literal holding exactly the keys
 * {@code 'descr'} (a string), {@code 'fortran_order'} ({@code True} or {@code False}) and {@code 'shape'} (a
 * tuple of non-negative integers, {@code ()} for a scalar, {@code (n,)} for one axis), followed by nothing but
 * white space. NumPy evaluates the literal with {@code ast.literal_eval}; this parser accepts the same literals
 * minus those NumPy then rejects: other or missing keys, a list or nested dtype as {@code descr}, a bare integer
 * {@code (5)} or a negative entry as shape. A key given twice is refused too (Python would keep the last, which
 * lets two readers disagree about one file).
 */
final class NpyHeaderParser {
    /** The dimensions NumPy arrays may have at most (NPY_MAXDIMS of NumPy 2). */
    static final int MAX_RANK = 64;
    private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");

    /** The three entries of the dict. */
    record Dict(String descr, boolean fortranOrder, long[] shape) {
    }

    private final String text;
    private final String where;
    private int pos;

    private NpyHeaderParser(String text, String where) {
        this.text = text;
        this.where = where;
    }

    /**
     * Parses {@code text}, the header after the length field.
     *
     * @param where names the file in messages
     * @throws IllegalArgumentException naming the file and what is wrong with the header
     */
    static Dict parse(String text, String where) {
        return new NpyHeaderParser(text, where).dict();
    }

    private Dict dict() {
        expect('{');
        Map<String, Object> entries = new HashMap<>();
        while (true) {
            skipSpace();
            if (peek() == '}') {
                pos++;
                break;
            }
            String key = string();
            if (!KEYS.contains(key)) {
                throw bad("unexpected key '" + key + "' (a .npy header holds exactly 'descr', 'fortran_order' and"
                        + " 'shape', as NumPy requires)");
            }
            skipSpace();
            expect(':');
            skipSpace();
            Object value = switch (key) {
                case "descr" -> descr();
                case "fortran_order" -> bool();
                default -> shape();
            };
            if (entries.put(key, value) != null) {
                throw bad("key '" + key + "' appears twice");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() != '}') {
                throw bad("expected ',' or '}' at offset " + pos);
            }
        }
        for (; pos < text.length(); pos++) {
            if (!isSpace(text.charAt(pos))) {
                throw bad("unexpected characters after the closing '}' at offset " + pos);
            }
        }
        for (String k : List.of("descr", "fortran_order", "shape")) {
            if (!entries.containsKey(k)) {
                throw bad("key '" + k + "' is missing (a .npy header holds 'descr', 'fortran_order' and 'shape')");
            }
        }
        return new Dict((String) entries.get("descr"), (Boolean) entries.get("fortran_order"),
                (long[]) entries.get("shape"));
    }

    private String descr() {
        char c = peek();
        if (c == '[' || c == '{') {
            throw bad("structured dtype (a list or dict as 'descr') is not supported; save a plain numeric array");
        }
        return string();
    }

    private boolean bool() {
        if (text.startsWith("True", pos)) {
            pos += 4;
            return true;
        }
        if (text.startsWith("False", pos)) {
            pos += 5;
            return false;
        }
        throw bad("'fortran_order' must be True or False");
    }

    private long[] shape() {
        expect('(');
        List<Long> dims = new ArrayList<>();
        boolean comma = false;
        while (true) {
            skipSpace();
            if (peek() == ')') {
                pos++;
                break;
            }
            if (dims.size() == MAX_RANK) {
                throw bad("more than " + MAX_RANK + " dimensions in 'shape'");
            }
            dims.add(integer());
            skipSpace();
            comma = peek() == ',';
            if (comma) {
                pos++;
            } else if (peek() != ')') {
                throw bad("expected ',' or ')' in 'shape' at offset " + pos);
            }
        }
        if (dims.size() == 1 && !comma) {
            throw bad("'shape' (" + dims.get(0) + ") is an integer, not a tuple; a one-axis shape is written ("
                    + dims.get(0) + ",)");
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private long integer() {
        int start = pos;
        if (peek() == '-') {
            throw bad("negative dimension in 'shape'");
        }
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            pos++;
        }
        if (pos == start) {
            throw bad("expected a non-negative integer in 'shape' at offset " + start);
        }
        String digits = text.substring(start, pos);
        if (pos < text.length() && text.charAt(pos) == 'L') {
            pos++; // Python 2 long literal, as old NumPy versions wrote
        }
        if (digits.length() > 18) {
            throw bad("dimension " + digits + " in 'shape' is too large for any array");
        }
        return Long.parseLong(digits);
    }

    private String string() {
        char q = peek();
        if (q != '\'' && q != '"') {
            throw bad("expected a quoted string at offset " + pos);
        }
        int end = text.indexOf(q, pos + 1);
        if (end < 0) {
            throw bad("unterminated string at offset " + pos);
        }
        String s = text.substring(pos + 1, end);
        if (s.indexOf('\\') >= 0) {
            throw bad("escape sequences are not expected in header strings");
        }
        pos = end + 1;
        return s;
    }

    private void expect(char c) {
        skipSpace();
        if (peek() != c) {
            throw bad("expected '" + c + "' at offset " + pos);
        }
        pos++;
    }

    private char peek() {
        if (pos >= text.length()) {
            throw bad("the header ends early (offset " + pos + ")");
        }
        return text.charAt(pos);
    }

    private void skipSpace() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(where + ": malformed .npy header: " + what);
    }
}
