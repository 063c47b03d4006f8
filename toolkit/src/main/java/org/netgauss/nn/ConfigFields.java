package org.netgauss.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Typed access to the fields of a parsed config document (maps, lists, strings, numbers, as SnakeYAML gives
 * them and as {@link TrainingConfigCodec#tree} turns JSON into), each failure one line naming the source, the
 * field's dotted path, what was expected and what was found:
 * "run.yaml: optimizer.lr: expected a finite number, found 'fast'". Unknown fields are errors.
 */
public final class ConfigFields {
    private final String file;
    private final String profile;

    /**
     * Fields of the document called {@code file}; {@code profile} (smoke, quick or paper) picks the value of a
     * per-profile field, and is null where a document has no profile (a manifest's stored config).
     */
    public ConfigFields(String file, String profile) {
        this.file = file;
        this.profile = profile == null ? null : profile.toLowerCase(Locale.ROOT);
    }

    /** The name of the document, the first word of every message. */
    public String source() {
        return file;
    }

    /** A per-profile value ({@code {smoke: .., quick: .., paper: ..}}) for this profile, or a plain integer, >= min. */
    public int perProfile(String field, Object o, int min) {
        Object v = o;
        if (o instanceof Map) {
            if (profile == null) {
                throw bad(field, o, "one integer (per-profile values belong in a config file)");
            }
            Map<String, Object> m = map(field, o, Set.of("smoke", "quick", "paper"));
            String key = profile;
            v = require(m, field + "." + key, "a value for each profile: smoke, quick, paper");
            field = field + "." + key;
        }
        int n = intValue(field, v);
        if (n < min) {
            throw bad(field, n, "an integer >= " + min);
        }
        return n;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String field, Object o, Set<String> allowed) {
        if (!(o instanceof Map)) {
            throw bad(field.isEmpty() ? "(top level)" : field, describe(o), "a mapping with fields "
                    + String.join(", ", sorted(allowed)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<?, ?> en : ((Map<?, ?>) o).entrySet()) {
            String k = String.valueOf(en.getKey());
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(file + ": unknown field '" + (field.isEmpty() ? "" : field + ".") + k
                        + "'; allowed: " + String.join(", ", sorted(allowed)));
            }
            m.put(k, en.getValue());
        }
        return m;
    }

    public Object require(Map<String, Object> m, String field, String expected) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        Object v = m.get(key);
        if (v == null) {
            throw bad(field, "missing", expected);
        }
        return v;
    }

    public String choice(String field, Object o, List<String> allowed) {
        String s = o instanceof String str ? str.strip().toLowerCase(Locale.ROOT).replace('_', '-') : null;
        if (s == null || !allowed.contains(s)) {
            throw bad(field, o, "one of " + String.join(", ", allowed));
        }
        return s;
    }

    public String string(String field, Object o) {
        if (!(o instanceof String s) || s.isBlank()) {
            throw bad(field, o, "a non-empty string");
        }
        return s;
    }

    public boolean bool(String field, Object o) {
        if (!(o instanceof Boolean b)) {
            throw bad(field, o, "true or false");
        }
        return b;
    }

    public double number(String field, Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            // YAML 1.1 reads 1e-3 (no dot) as a string; accept what Java reads as a number
            try {
                double d = Double.parseDouble(s.strip());
                if (Double.isFinite(d)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // fall through to the error
            }
        }
        throw bad(field, o, "a finite number");
    }

    public long longValue(String field, Object o) {
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        if (o instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw bad(field, o, "an integer");
    }

    public int intValue(String field, Object o) {
        long v = longValue(field, o);
        if (v != (int) v) {
            throw bad(field, o, "an integer below 2^31");
        }
        return (int) v;
    }

    public int positive(String field, Object o) {
        int v = o instanceof Integer || o instanceof Long ? intValue(field, o) : 0;
        if (!(o instanceof Integer || o instanceof Long) || v < 1) {
            throw bad(field, o, "a positive integer");
        }
        return v;
    }

    public int nonNegative(String field, Object o) {
        int v = o instanceof Integer || o instanceof Long ? intValue(field, o) : -1;
        if (v < 0) {
            throw bad(field, o, "an integer >= 0");
        }
        return v;
    }

    public <T> T checked(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": " + field + ": " + e.getMessage(), e);
        }
    }

    public IllegalArgumentException bad(String field, Object found, String expected) {
        return new IllegalArgumentException(file + ": " + field + ": expected " + expected + ", found "
                + (found instanceof String s && !s.equals("missing") ? "'" + s + "'" : describe(found)));
    }

    public static String describe(Object o) {
        if (o == null) {
            return "nothing";
        }
        if (o instanceof Map) {
            return "a mapping";
        }
        if (o instanceof List) {
            return "a list";
        }
        return String.valueOf(o);
    }

    public static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
