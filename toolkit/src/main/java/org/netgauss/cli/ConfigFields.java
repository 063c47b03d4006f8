package org.netgauss.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.netgauss.study.Profile;

/**
 * Typed access to the fields of a parsed config document (maps, lists, strings, numbers, as SnakeYAML gives
 * them), each failure one line naming the file, the field's dotted path, what was expected and what was found:
 * "run.yaml: optimizer.lr: expected a finite number, found 'fast'". Unknown fields are errors.
 */
final class ConfigFields {
    private final String file;
    private final Profile profile;

    ConfigFields(String file, Profile profile) {
        this.file = file;
        this.profile = profile;
    }

    /** A per-profile value ({@code {smoke: .., quick: .., paper: ..}}) for this profile, or a plain integer, >= min. */
    int perProfile(String field, Object o, int min) {
        Object v = o;
        if (o instanceof Map) {
            Map<String, Object> m = map(field, o, Set.of("smoke", "quick", "paper"));
            String key = profile.name().toLowerCase(Locale.ROOT);
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
    Map<String, Object> map(String field, Object o, Set<String> allowed) {
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

    Object require(Map<String, Object> m, String field, String expected) {
        String key = field.substring(field.lastIndexOf('.') + 1);
        Object v = m.get(key);
        if (v == null) {
            throw bad(field, "missing", expected);
        }
        return v;
    }

    String choice(String field, Object o, List<String> allowed) {
        String s = o instanceof String str ? str.strip().toLowerCase(Locale.ROOT).replace('_', '-') : null;
        if (s == null || !allowed.contains(s)) {
            throw bad(field, o, "one of " + String.join(", ", allowed));
        }
        return s;
    }

    String string(String field, Object o) {
        if (!(o instanceof String s) || s.isBlank()) {
            throw bad(field, o, "a non-empty string");
        }
        return s;
    }

    boolean bool(String field, Object o) {
        if (!(o instanceof Boolean b)) {
            throw bad(field, o, "true or false");
        }
        return b;
    }

    double number(String field, Object o) {
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

    long longValue(String field, Object o) {
        if (o instanceof Integer || o instanceof Long) {
            return ((Number) o).longValue();
        }
        if (o instanceof java.math.BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw bad(field, o, "an integer");
    }

    int intValue(String field, Object o) {
        long v = longValue(field, o);
        if (v != (int) v) {
            throw bad(field, o, "an integer below 2^31");
        }
        return (int) v;
    }

    int positive(String field, Object o) {
        int v = o instanceof Integer || o instanceof Long ? intValue(field, o) : 0;
        if (!(o instanceof Integer || o instanceof Long) || v < 1) {
            throw bad(field, o, "a positive integer");
        }
        return v;
    }

    int nonNegative(String field, Object o) {
        int v = o instanceof Integer || o instanceof Long ? intValue(field, o) : -1;
        if (v < 0) {
            throw bad(field, o, "an integer >= 0");
        }
        return v;
    }

    <T> T checked(String field, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file + ":")) {
                throw e;
            }
            throw new IllegalArgumentException(file + ": " + field + ": " + e.getMessage(), e);
        }
    }

    IllegalArgumentException bad(String field, Object found, String expected) {
        return new IllegalArgumentException(file + ": " + field + ": expected " + expected + ", found "
                + (found instanceof String s && !s.equals("missing") ? "'" + s + "'" : describe(found)));
    }

    static String describe(Object o) {
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

    static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
