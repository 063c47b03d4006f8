package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Mnist;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Npy;

/**
 * Every subcommand's {@code --json} output validates against its schema in {@code docs/schema}, and the schemas are
 * strict: a renamed, missing, extra or mistyped field fails. The validator ({@link JsonSchemaSubset}) is itself tested
 * on bad documents first.
 */
class JsonSchemaTest {
    static final Path SCHEMAS = Path.of("..", "docs", "schema");
    private static final JsonSchemaSubset VALIDATOR = new JsonSchemaSubset(SCHEMAS);

    @TempDir
    Path tmp;

    // ---- the validator against documents that must fail ---------------------------------------------------------

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private void writeSchema(String name, String text) throws IOException {
        Files.writeString(tmp.resolve(name), text);
    }

    @Test
    void theValidatorRejectsEachKindOfBadDocument() throws IOException {
        writeSchema("defs.schema.json", "{\"$defs\": {\"pos\": {\"type\": \"number\", \"exclusiveMinimum\": 0}}}");
        writeSchema("t.schema.json", """
                {"type": "object",
                 "properties": {
                   "n": {"type": "integer", "minimum": 1, "maximum": 9},
                   "x": {"$ref": "defs.schema.json#/$defs/pos"},
                   "s": {"enum": ["a", "b"]},
                   "k": {"const": "two"},
                   "v": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": ["number", "null"]}},
                   "u": {"anyOf": [{"type": "string"}, {"type": "boolean"}]},
                   "o": {"oneOf": [{"type": "number"}, {"type": "integer"}]},
                   "local": {"$ref": "#/$defs/obj"}
                 },
                 "required": ["n"],
                 "additionalProperties": false,
                 "$defs": {"obj": {"type": "object", "properties": {"f1": {"type": "number"}}, "required": ["f1"],
                                   "additionalProperties": false}}}""");
        JsonSchemaSubset v = new JsonSchemaSubset(tmp);
        String good = "{\"n\": 3, \"x\": 0.5, \"s\": \"a\", \"k\": \"two\", \"v\": [1, null], \"u\": true, \"o\": 1.5,"
                + " \"local\": {\"f1\": 2}}";
        assertEquals(List.of(), v.validate("t.schema.json", json(good)));
        Map<String, String> bad = Map.ofEntries(
                Map.entry("{}", "missing required 'n'"),
                Map.entry("{\"n\": 2.5}", "expected \"integer\""),
                Map.entry("{\"n\": \"3\"}", "expected \"integer\""),
                Map.entry("{\"n\": 0}", "below the minimum"),
                Map.entry("{\"n\": 10}", "above the maximum"),
                Map.entry("{\"n\": 1, \"x\": 0}", "is not above 0"),
                Map.entry("{\"n\": 1, \"x\": null}", "expected \"number\""),
                Map.entry("{\"n\": 1, \"s\": \"c\"}", "expected one of"),
                Map.entry("{\"n\": 1, \"k\": \"three\"}", "expected \"two\""),
                Map.entry("{\"n\": 1, \"v\": []}", "at least 1"),
                Map.entry("{\"n\": 1, \"v\": [1, 2, 3]}", "at most 2"),
                Map.entry("{\"n\": 1, \"v\": [\"1\"]}", "$.v[0]: expected [\"number\",\"null\"]"),
                Map.entry("{\"n\": 1, \"u\": 3}", "matches none of anyOf"),
                Map.entry("{\"n\": 1, \"o\": 2}", "matches 2 of oneOf"),
                Map.entry("{\"n\": 1, \"local\": {}}", "$.local: missing required 'f1'"),
                Map.entry("{\"n\": 1, \"local\": {\"f1\": 1, \"f2\": 2}}", "$.local.f2: not allowed"),
                Map.entry("{\"n\": 1, \"extra\": 1}", "$.extra: not allowed"));
        bad.forEach((doc, message) -> {
            List<String> errors = v.validate("t.schema.json", json(doc));
            assertEquals(1, errors.size(), doc + " -> " + errors);
            assertTrue(errors.get(0).contains(message), doc + " -> " + errors);
        });
    }

    @Test
    void aSchemaWithAKeywordTheValidatorDoesNotCheckIsRefused() throws IOException {
        writeSchema("p.schema.json", "{\"type\": \"string\", \"pattern\": \"^a\"}");
        writeSchema("r.schema.json", "{\"$ref\": \"#/$defs/nothing\"}");
        JsonSchemaSubset v = new JsonSchemaSubset(tmp);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.validate("p.schema.json", new JsonPrimitive("b")))
                .getMessage().contains("unsupported keyword 'pattern'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> v.validate("r.schema.json", JsonNull.INSTANCE))
                .getMessage().contains("does not resolve"));
    }

    // ---- the shipped schemas ------------------------------------------------------------------------------------

    /** Every file in docs/schema parses, declares draft 2020-12 and uses only what the validator checks. */
    @Test
    void everySchemaFileIsWellFormedAndDocumentsItsFields() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(SCHEMAS)) {
            s.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
        }
        assertEquals(List.of("common.schema.json", "fit-perturbative.schema.json", "fit.schema.json",
                "inpca.schema.json", "invariants.schema.json", "merge.schema.json", "preact-correlations.schema.json",
                "preact-eoc.schema.json", "preact-ks.schema.json", "preact-propagate.schema.json", "study.schema.json",
                "submit.schema.json", "train-shard.schema.json", "train.schema.json", "wasserstein.schema.json"), names);
        for (String n : names) {
            JsonObject o = json(Files.readString(SCHEMAS.resolve(n)));
            assertEquals("https://json-schema.org/draft/2020-12/schema", o.get("$schema").getAsString(), n);
            assertEquals(n, o.get("$id").getAsString(), n);
            assertTrue(o.has("description"), n);
            // parsing every keyword once: a keyword outside the subset throws
            VALIDATOR.validate(n, JsonNull.INSTANCE);
        }
        // f1..f13 are each explained
        JsonObject f = json(Files.readString(SCHEMAS.resolve("common.schema.json"))).getAsJsonObject("$defs")
                .getAsJsonObject("pigmmParameters").getAsJsonObject("properties");
        for (int k = 1; k <= 13; k++) {
            assertTrue(f.getAsJsonObject("f" + k).get("description").getAsString().length() > 20, "f" + k);
        }
    }

    // ---- every subcommand's output ------------------------------------------------------------------------------

    private JsonObject valid(String schema, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
        String line = r.out().strip();
        assertFalse(line.contains("\n"), "one JSON object on one line: " + line);
        JsonObject o = json(line);
        assertEquals(List.of(), VALIDATOR.validate(schema, o), String.join(" ", args));
        return o;
    }

    private Path ensemble(String name, int n, int rows, int cols, long seed) {
        double[] x = new double[n * rows * cols];
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < x.length; k++) {
            double v = r.nextGaussian() * 0.3;
            x[k] = v + 0.2 * v * v; // not Gaussian, so every deviation is non-zero
        }
        Path p = tmp.resolve(name);
        Npy.write(p, x, n, rows, cols);
        return p;
    }

    @Test
    void fitInvariantsWassersteinAndInpcaFollowTheirSchemas() {
        String a = ensemble("a.npy", 40, 5, 5, 1).toString();
        String b = ensemble("b.npy", 30, 5, 5, 2).toString();
        for (String model : List.of("pigmm", "bipartite", "iid")) {
            JsonObject o = valid("fit.schema.json", "fit", a, "--model", model, "--json");
            assertTrue(o.has("pigmmParameters"), model);
        }
        JsonObject rect = valid("fit.schema.json", "fit", ensemble("r.npy", 20, 4, 6, 3).toString(), "--model",
                "rectangular", "--json");
        assertFalse(rect.has("pigmmParameters"), "no PIGMM form for a 4 x 6 matrix");
        valid("fit-perturbative.schema.json", "fit", a, "--model", "perturbative", "--terms", "I22,I45", "--json");
        JsonObject inv = valid("invariants.schema.json", "invariants", a, "--json");
        assertEquals(1 / Math.sqrt(40), inv.get("noiseFloor").getAsDouble(), 1e-15);
        valid("invariants.schema.json", "invariants", a, "--set", "quadratic", "--json");
        valid("wasserstein.schema.json", "wasserstein", a, b, "--json");
        valid("wasserstein.schema.json", "wasserstein", a, "--init", "uniform", "--json");

        double[] probs = new double[4 * 5 * 3];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < 20; i++) {
            double u = r.nextDouble() + 0.1;
            double v = r.nextDouble() + 0.1;
            double w = r.nextDouble() + 0.1;
            probs[3 * i] = u / (u + v + w);
            probs[3 * i + 1] = v / (u + v + w);
            probs[3 * i + 2] = w / (u + v + w);
        }
        Path pr = tmp.resolve("p.npy");
        Npy.write(pr, probs, 4, 5, 3);
        valid("inpca.schema.json", "inpca", pr.toString(), "--components", "2", "--json");
    }

    @Test
    void perturbativeFitsOfTheCommittedResultsFollowTheSchema() {
        JsonObject o = valid("fit-perturbative.schema.json", "fit", "--model", "perturbative", "--terms", "S2",
                "--results", Path.of("..", "results").toString(), "--settings", "width-640", "--epochs", "50", "--out",
                tmp.resolve("out").toString(), "--json");
        assertFalse(o.getAsJsonArray("fits").isEmpty());
    }

    @Test
    void preactSubcommandsFollowTheirSchemas() {
        valid("preact-ks.schema.json", "preact", "ks", "--config", "cfg2", "--widths", "2", "--networks", "200",
                "--json");
        valid("preact-propagate.schema.json", "preact", "propagate", "--activation", "tanh", "--depth", "2", "--width",
                "3", "--networks", "100", "--json");
        valid("preact-eoc.schema.json", "preact", "eoc", "--activation", "tanh", "--json");
        JsonObject phi = valid("preact-eoc.schema.json", "preact", "eoc", "--activation", "phi-odd-3", "--json");
        assertTrue(phi.has("nonAsymptotic"));
        assumeTrue(Files.exists(Mnist.defaultDirectory().resolve(Mnist.TEST_IMAGES)),
                "MNIST not in the cache; environment/bin/setup fetches it");
        valid("preact-correlations.schema.json", "preact", "correlations", "--activation", "relu", "--widths", "4,4",
                "--per-class", "2", "--inits", "3", "--json");
    }

    @Test
    void trainShardMergeAndSubmitFollowTheirSchemas() throws Exception {
        Path job = ShardedCliTest.writeJob(Files.createDirectories(tmp.resolve("job")), 4);
        Path config = tmp.resolve("train.yaml");
        Files.writeString(config, String.join("\n", "name: blobs", "widths: [6, 5, 3]", "activation: tanh",
                "init: {scheme: gaussian}", "optimizer: {type: sgd, lr: 0.05}", "batchSize: 20",
                "epochs: {smoke: 2, quick: 2, paper: 2}", "ensembleSize: {smoke: 2, quick: 2, paper: 2}", "seed: 5",
                "data: {dataset: synthetic, samples: 80, separation: 2.5}", ""));
        JsonObject t = valid("train.schema.json", "train", "--config", config.toString(), "--out",
                tmp.resolve("run").toString(), "--profile", "smoke", "--threads", "1", "--json");
        assertEquals("complete", t.get("status").getAsString());
        valid("train.schema.json", "train", "--config", config.toString(), "--out", tmp.resolve("run").toString(),
                "--profile", "smoke", "--json");
        valid("train-shard.schema.json", "train-shard", "--config", job.toString(), "--out", tmp.resolve("a").toString(),
                "--shard", "0/2", "--threads", "1", "--json");
        valid("train-shard.schema.json", "train-shard", "--config", job.toString(), "--out", tmp.resolve("b").toString(),
                "--shard", "1/2", "--threads", "1", "--json");
        JsonObject m = valid("merge.schema.json", "merge", "--json", tmp.resolve("m").toString(),
                tmp.resolve("a").toString(), tmp.resolve("b").toString());
        assertEquals(4, m.get("memberCount").getAsInt());
        JsonObject p = valid("merge.schema.json", "merge", "--partial", "--json", tmp.resolve("p").toString(),
                tmp.resolve("a").toString());
        assertEquals("partial", p.get("status").getAsString());

        Path sbatch = tmp.resolve("bin/sbatch");
        Files.createDirectories(sbatch.getParent());
        Files.writeString(sbatch, "#!/bin/sh\necho 4242\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(sbatch, PosixFilePermissions.fromString("rwxr-xr-x"));
        valid("submit.schema.json", "submit", "--slurm", "--json", "--config", job.toString(), "--shards", "2", "--out",
                tmp.resolve("cluster").toString(), "--sbatch", sbatch.toString());
    }

    /** The committed Wolinski &amp; Arbel results are the standard output of 'netgauss preact ... --json'. */
    @Test
    void theCommittedPreactResultsFollowTheSchemas() throws IOException {
        Path dir = Path.of("..", "results", "wolinski-arbel");
        int n = 0;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                String schema = name.equals("ks-vs-width.json") ? "preact-ks.schema.json"
                        : name.startsWith("deep-") ? "preact-propagate.schema.json"
                        : name.startsWith("correlations-") ? "preact-correlations.schema.json" : null;
                if (schema != null) {
                    assertEquals(List.of(), VALIDATOR.validate(schema, JsonParser.parseString(Files.readString(p))), name);
                    n++;
                }
            }
        }
        assertTrue(n >= 10, "files checked: " + n);
    }

    @Test
    void studyFollowsItsSchema() {
        assumeTrue(Files.exists(Mnist.defaultDirectory().resolve(Mnist.TRAIN_IMAGES))
                || Files.exists(Mnist.defaultDirectory().resolve(Mnist.TRAIN_IMAGES + ".gz")),
                "MNIST not in the cache; environment/bin/setup fetches it");
        List<String> args = List.of("study", "--profile", "smoke", "--runs", tmp.resolve("runs").toString(),
                "--results", tmp.resolve("results").toString(), "--threads", "2", "--settings", "width-10", "--json");
        JsonObject first = valid("study.schema.json", args.toArray(String[]::new));
        assertEquals("exported", first.getAsJsonArray("settings").get(0).getAsJsonObject().get("status").getAsString());
        JsonObject again = valid("study.schema.json", args.toArray(String[]::new));
        assertEquals("done already", again.getAsJsonArray("settings").get(0).getAsJsonObject().get("status").getAsString());
    }

    // ---- the schemas are strict ---------------------------------------------------------------------------------

    /** Each field of a real output, renamed, removed or given the wrong type, makes it fail its schema. */
    @Test
    void aRenamedMissingOrMistypedFieldFails() {
        String a = ensemble("a.npy", 40, 5, 5, 1).toString();
        JsonObject o = valid("invariants.schema.json", "invariants", a, "--json");
        List<String> paths = new ArrayList<>();
        collect(o, "", paths);
        assertTrue(paths.size() > 25, "fields: " + paths.size());
        for (String path : paths) {
            JsonObject renamed = o.deepCopy();
            JsonObject parent = parent(renamed, path);
            String key = path.substring(path.lastIndexOf('.') + 1);
            JsonElement value = parent.remove(key);
            parent.add(key + "_renamed", value);
            assertFalse(VALIDATOR.validate("invariants.schema.json", renamed).isEmpty(), "renamed " + path);
            JsonObject mistyped = o.deepCopy();
            JsonElement v = parent(mistyped, path).get(key);
            JsonElement wrong = v.isJsonPrimitive() && v.getAsJsonPrimitive().isString() ? new JsonPrimitive(1)
                    : new JsonPrimitive("1");
            parent(mistyped, path).add(key, wrong);
            assertFalse(VALIDATOR.validate("invariants.schema.json", mistyped).isEmpty(), "mistyped " + path);
        }
        // the old names of this version's renames are refused
        JsonObject old = o.deepCopy();
        old.add("model", old.remove("pigmmParameters"));
        assertFalse(VALIDATOR.validate("invariants.schema.json", old).isEmpty());
    }

    /** Dotted paths of every object member (array elements: their first element's members, as "[0]"). */
    private static void collect(JsonObject o, String prefix, List<String> out) {
        for (String k : new TreeSet<>(o.keySet())) {
            String path = prefix + "." + k;
            out.add(path);
            JsonElement v = o.get(k);
            if (v.isJsonObject()) {
                collect(v.getAsJsonObject(), path, out);
            } else if (v.isJsonArray() && !v.getAsJsonArray().isEmpty() && v.getAsJsonArray().get(0).isJsonObject()) {
                collect(v.getAsJsonArray().get(0).getAsJsonObject(), path + "[0]", out);
            }
        }
    }

    private static JsonObject parent(JsonObject root, String path) {
        String[] parts = path.substring(1).split("\\.");
        JsonElement node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            String p = parts[i];
            if (p.endsWith("[0]")) {
                JsonArray arr = node.getAsJsonObject().getAsJsonArray(p.substring(0, p.length() - 3));
                node = arr.get(0);
            } else {
                node = node.getAsJsonObject().get(p);
            }
        }
        return node.getAsJsonObject();
    }
}
