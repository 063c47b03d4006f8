package org.netgauss.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validator for the subset of JSON Schema draft 2020-12 that the schemas in {@code docs/schema} use: {@code type}
 * (one or a list), {@code properties}, {@code required}, {@code additionalProperties} (false or a schema),
 * {@code items}, {@code minItems}, {@code maxItems}, {@code enum}, {@code const}, {@code minimum}, {@code maximum},
 * {@code exclusiveMinimum}, {@code oneOf}, {@code anyOf}, and {@code $ref} to {@code #/$defs/NAME} in the same file or
 * {@code FILE#/$defs/NAME} beside it (applied together with its sibling keywords, as in 2020-12). Annotations
 * ({@code $schema}, {@code $id}, {@code title}, {@code description}, {@code $comment}) are ignored. Any other keyword
 * is refused, so a schema cannot silently rely on something this validator does not check.
 */
final class JsonSchemaSubset {
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "title", "description", "$comment", "$defs");
    private static final Set<String> KEYWORDS = Set.of("type", "properties", "required", "additionalProperties", "items",
            "minItems", "maxItems", "enum", "const", "minimum", "maximum", "exclusiveMinimum", "oneOf", "anyOf", "$ref");

    private final Path directory;
    private final Map<String, JsonObject> documents = new HashMap<>();

    /** Schemas are files in {@code directory}; a {@code $ref} to another file resolves beside them. */
    JsonSchemaSubset(Path directory) {
        this.directory = directory;
    }

    /** The problems of {@code instance} against the schema file {@code schemaFile}, one line each; empty when valid. */
    List<String> validate(String schemaFile, JsonElement instance) {
        List<String> errors = new ArrayList<>();
        validate(schemaFile, document(schemaFile), instance, "$", errors);
        return errors;
    }

    private JsonObject document(String file) {
        return documents.computeIfAbsent(file, f -> {
            try {
                return JsonParser.parseString(Files.readString(directory.resolve(f), StandardCharsets.UTF_8))
                        .getAsJsonObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void validate(String file, JsonObject schema, JsonElement x, String at, List<String> errors) {
        for (String k : schema.keySet()) {
            if (!KEYWORDS.contains(k) && !ANNOTATIONS.contains(k)) {
                throw new IllegalArgumentException(file + ": unsupported keyword '" + k + "' at " + at);
            }
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").getAsString();
            int hash = ref.indexOf('#');
            String target = hash <= 0 ? file : ref.substring(0, hash);
            String pointer = hash < 0 ? "" : ref.substring(hash + 1);
            validate(target, resolve(target, pointer), x, at, errors);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), x)) {
            errors.add(at + ": expected " + schema.get("type") + ", found " + describe(x));
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(x)) {
            errors.add(at + ": expected " + schema.get("const") + ", found " + x);
        }
        if (schema.has("enum") && !contains(schema.getAsJsonArray("enum"), x)) {
            errors.add(at + ": expected one of " + schema.get("enum") + ", found " + x);
        }
        if (isNumber(x)) {
            BigDecimal v = x.getAsBigDecimal();
            if (schema.has("minimum") && v.compareTo(schema.get("minimum").getAsBigDecimal()) < 0) {
                errors.add(at + ": " + x + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && v.compareTo(schema.get("maximum").getAsBigDecimal()) > 0) {
                errors.add(at + ": " + x + " is above the maximum " + schema.get("maximum"));
            }
            if (schema.has("exclusiveMinimum") && v.compareTo(schema.get("exclusiveMinimum").getAsBigDecimal()) <= 0) {
                errors.add(at + ": " + x + " is not above " + schema.get("exclusiveMinimum"));
            }
        }
        if (x.isJsonObject()) {
            object(file, schema, x.getAsJsonObject(), at, errors);
        }
        if (x.isJsonArray()) {
            JsonArray a = x.getAsJsonArray();
            if (schema.has("minItems") && a.size() < schema.get("minItems").getAsInt()) {
                errors.add(at + ": " + a.size() + " items, at least " + schema.get("minItems") + " expected");
            }
            if (schema.has("maxItems") && a.size() > schema.get("maxItems").getAsInt()) {
                errors.add(at + ": " + a.size() + " items, at most " + schema.get("maxItems") + " expected");
            }
            if (schema.has("items")) {
                for (int i = 0; i < a.size(); i++) {
                    validate(file, schema.getAsJsonObject("items"), a.get(i), at + "[" + i + "]", errors);
                }
            }
        }
        if (schema.has("anyOf") || schema.has("oneOf")) {
            boolean one = schema.has("oneOf");
            JsonArray options = schema.getAsJsonArray(one ? "oneOf" : "anyOf");
            int matched = 0;
            List<String> why = new ArrayList<>();
            for (JsonElement option : options) {
                List<String> e = new ArrayList<>();
                validate(file, option.getAsJsonObject(), x, at, e);
                if (e.isEmpty()) {
                    matched++;
                } else {
                    why.add(e.get(0));
                }
            }
            if (matched == 0) {
                errors.add(at + ": matches none of " + (one ? "oneOf" : "anyOf") + " " + why);
            } else if (one && matched > 1) {
                errors.add(at + ": matches " + matched + " of oneOf, expected exactly one");
            }
        }
    }

    private void object(String file, JsonObject schema, JsonObject o, String at, List<String> errors) {
        JsonObject properties = schema.has("properties") ? schema.getAsJsonObject("properties") : new JsonObject();
        if (schema.has("required")) {
            for (JsonElement r : schema.getAsJsonArray("required")) {
                if (!o.has(r.getAsString())) {
                    errors.add(at + ": missing required '" + r.getAsString() + "'");
                }
            }
        }
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String where = at + "." + e.getKey();
            if (properties.has(e.getKey())) {
                validate(file, properties.getAsJsonObject(e.getKey()), e.getValue(), where, errors);
            } else if (schema.has("additionalProperties")) {
                JsonElement extra = schema.get("additionalProperties");
                if (extra.isJsonPrimitive() && !extra.getAsBoolean()) {
                    errors.add(where + ": not allowed (additionalProperties is false)");
                } else if (extra.isJsonObject()) {
                    validate(file, extra.getAsJsonObject(), e.getValue(), where, errors);
                }
            }
        }
    }

    private JsonObject resolve(String file, String pointer) {
        JsonElement node = document(file);
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!node.isJsonObject() || !node.getAsJsonObject().has(part)) {
                throw new IllegalArgumentException(file + ": $ref #" + pointer + " does not resolve");
            }
            node = node.getAsJsonObject().get(part);
        }
        return node.getAsJsonObject();
    }

    private static boolean typeMatches(JsonElement type, JsonElement x) {
        if (type.isJsonArray()) {
            for (JsonElement t : type.getAsJsonArray()) {
                if (typeMatches(t, x)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.getAsString()) {
            case "object" -> x.isJsonObject();
            case "array" -> x.isJsonArray();
            case "string" -> x.isJsonPrimitive() && x.getAsJsonPrimitive().isString();
            case "boolean" -> x.isJsonPrimitive() && x.getAsJsonPrimitive().isBoolean();
            case "null" -> x.isJsonNull();
            case "number" -> isNumber(x);
            case "integer" -> isNumber(x) && isIntegral(x.getAsBigDecimal());
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static boolean isNumber(JsonElement x) {
        return x.isJsonPrimitive() && x.getAsJsonPrimitive().isNumber();
    }

    private static boolean isIntegral(BigDecimal v) {
        return v.signum() == 0 || v.stripTrailingZeros().scale() <= 0;
    }

    /** enum and const compare numbers by value (1 equals 1.0), everything else by JSON equality. */
    private static boolean contains(JsonArray values, JsonElement x) {
        for (JsonElement v : values) {
            if (v.equals(x) || isNumber(v) && isNumber(x) && v.getAsBigDecimal().compareTo(x.getAsBigDecimal()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonElement x) {
        if (x.isJsonNull()) {
            return "null";
        }
        if (x.isJsonObject()) {
            return "an object";
        }
        if (x.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive p = x.getAsJsonPrimitive();
        return (p.isString() ? "string " : p.isBoolean() ? "boolean " : "number ") + p;
    }
}
