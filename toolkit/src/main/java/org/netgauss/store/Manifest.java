package org.netgauss.store;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's {@code manifest.json} read with its field types checked: every accessor either returns the value or
 * throws one line naming the file and the field ("manifest.json: field 'epochsDone' should be an integer, found
 * "four""), never a Gson cast error. {@link #read} checks the whole structure once, so later accessors cannot fail.
 */
final class Manifest {
    /** The manifest's file name. */
    static final String FILE = "manifest.json";
    static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create();
    private static final Set<String> STATUSES = Set.of("running", "complete", "partial");

    private Manifest() {
    }

    /**
     * Reads and checks {@code dir/manifest.json}: format, version, status, epochsDone, the checkpoint list
     * (epoch, arrays with integer shapes, state flag), snapshots, file checksums and members when present.
     */
    static JsonObject read(Path dir, String format, int version) {
        Path m = dir.resolve(FILE);
        String text;
        try {
            text = Files.readString(m, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException("no run at " + dir + ": " + m + " is missing", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + m + ": " + e.getMessage(), e);
        }
        JsonObject o;
        try {
            JsonElement el = JsonParser.parseString(text);
            if (!el.isJsonObject()) {
                throw new IllegalArgumentException(m + ": corrupt manifest, expected a JSON object");
            }
            o = el.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(m + ": corrupt manifest, not valid JSON (" + oneLine(e.getMessage()) + ")", e);
        }
        String f = string(m, o, "format", "format");
        if (!format.equals(f)) {
            throw new IllegalArgumentException(m + ": format '" + f + "' is not a netgauss run (" + format + ")");
        }
        int v = integer(m, o, "formatVersion", "formatVersion");
        if (v > version) {
            throw new IllegalArgumentException(m + ": format version " + v + " is newer than this netgauss reads ("
                    + version + "); update netgauss");
        }
        String status = string(m, o, "status", "status");
        if (!STATUSES.contains(status)) {
            throw bad(m, "status", o.get("status"), "one of " + STATUSES);
        }
        if (integer(m, o, "epochsDone", "epochsDone") < 0) {
            throw bad(m, "epochsDone", o.get("epochsDone"), "a count >= 0");
        }
        JsonArray cps = array(m, o, "checkpoints", "checkpoints");
        for (int i = 0; i < cps.size(); i++) {
            String at = "checkpoints[" + i + "]";
            JsonObject c = object(m, cps.get(i), at);
            integer(m, c, "epoch", at + ".epoch");
            bool(m, c, "state", at + ".state");
            for (Map.Entry<String, JsonElement> a : object(m, c.get("arrays"), at + ".arrays").entrySet()) {
                JsonArray shape = arrayValue(m, a.getValue(), at + ".arrays." + a.getKey());
                for (int k = 0; k < shape.size(); k++) {
                    intValue(m, shape.get(k), at + ".arrays." + a.getKey() + "[" + k + "]");
                }
            }
        }
        if (o.has("snapshots")) {
            JsonArray s = array(m, o, "snapshots", "snapshots");
            for (int i = 0; i < s.size(); i++) {
                JsonObject x = object(m, s.get(i), "snapshots[" + i + "]");
                longValue(m, x.get("step"), "snapshots[" + i + "].step");
                integer(m, x, "epoch", "snapshots[" + i + "].epoch");
            }
        }
        if (o.has("files")) {
            for (Map.Entry<String, JsonElement> e : object(m, o.get("files"), "files").entrySet()) {
                String at = "files." + e.getKey();
                JsonObject x = object(m, e.getValue(), at);
                longValue(m, x.get("bytes"), at + ".bytes");
                string(m, x, "crc32c", at + ".crc32c");
            }
        }
        if (o.has("members")) {
            JsonObject x = object(m, o.get("members"), "members");
            for (String k : List.of("first", "count", "ensembleSize")) {
                integer(m, x, k, "members." + k);
            }
        }
        if (o.has("config")) {
            object(m, o.get("config"), "config");
        }
        return o;
    }

    static String string(Path m, JsonObject o, String key, String at) {
        JsonElement e = present(m, o, key, at);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw bad(m, at, e, "a string");
        }
        return e.getAsString();
    }

    static int integer(Path m, JsonObject o, String key, String at) {
        return intValue(m, present(m, o, key, at), at);
    }

    static boolean bool(Path m, JsonObject o, String key, String at) {
        JsonElement e = present(m, o, key, at);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw bad(m, at, e, "true or false");
        }
        return e.getAsBoolean();
    }

    static JsonArray array(Path m, JsonObject o, String key, String at) {
        return arrayValue(m, present(m, o, key, at), at);
    }

    static JsonObject object(Path m, JsonElement e, String at) {
        if (e == null) {
            throw new IllegalArgumentException(m + ": corrupt manifest, field '" + at + "' is missing");
        }
        if (!e.isJsonObject()) {
            throw bad(m, at, e, "an object");
        }
        return e.getAsJsonObject();
    }

    private static JsonArray arrayValue(Path m, JsonElement e, String at) {
        if (e == null || !e.isJsonArray()) {
            throw bad(m, at, e, "an array");
        }
        return e.getAsJsonArray();
    }

    static int intValue(Path m, JsonElement e, String at) {
        long v = longValue(m, e, at);
        if (v != (int) v) {
            throw bad(m, at, e, "an integer in the int range");
        }
        return (int) v;
    }

    static long longValue(Path m, JsonElement e, String at) {
        if (e == null) {
            throw new IllegalArgumentException(m + ": corrupt manifest, field '" + at + "' is missing");
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            try {
                return new java.math.BigDecimal(e.getAsString()).longValueExact();
            } catch (ArithmeticException | NumberFormatException ignored) {
                // reported below
            }
        }
        throw bad(m, at, e, "an integer");
    }

    private static JsonElement present(Path m, JsonObject o, String key, String at) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(m + ": corrupt manifest, field '" + at + "' is missing");
        }
        return e;
    }

    private static IllegalArgumentException bad(Path m, String at, JsonElement found, String expected) {
        String shown = found == null ? "nothing" : found.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new IllegalArgumentException(m + ": corrupt manifest, field '" + at + "' should be " + expected
                + ", found " + shown);
    }

    static JsonPrimitive text(String s) {
        return new JsonPrimitive(s);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }
}
