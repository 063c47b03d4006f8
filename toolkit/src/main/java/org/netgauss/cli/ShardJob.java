package org.netgauss.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.netgauss.data.Dataset;
import org.netgauss.data.Mnist;
import org.netgauss.data.Synthetic;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.store.InputFiles;

/**
 * A training job for {@code netgauss train-shard}: a JSON file holding the engine's config (the {@code config}
 * object of a run's manifest, {@link Training#configJson}) and where the data come from:
 * <pre>
 * {"config": {...},
 *  "data": {"dataset": "synthetic", "samples": 400, "classes": 4, "features": 16, "separation": 3.0, "seed": 7,
 *           "validation": 100}}
 * {"config": {...}, "data": {"dataset": "mnist", "trainSize": 60000, "validation": "test"}}
 * </pre>
 * Synthetic data are Gaussian blobs ({@link Synthetic#gaussianBlobs}) of {@code samples + validation} points, the
 * last {@code validation} of which are the validation set. The file is written once into the shared output
 * directory by {@code netgauss submit}, so every array task reads the same job.
 *
 * @param config the whole-ensemble config (members 0..E-1; a shard is cut from it)
 * @param data   the data object, as in the file
 */
public record ShardJob(TrainingConfig config, JsonObject data) {
    /** A job file is a few hundred bytes; anything over this is not one (and would only fill the heap). */
    static final long MAX_JOB_FILE_BYTES = 1 << 20;

    /** The training and validation sets (validation may be null). */
    public record Sets(Dataset train, Dataset validation) { }

    /**
     * Reads a job file.
     *
     * @throws IllegalArgumentException naming the file and the field that is missing or malformed
     */
    public static ShardJob read(Path file) {
        InputFiles.requireRegularFile(file, "a JSON job file");
        String text;
        try {
            if (Files.size(file) > MAX_JOB_FILE_BYTES) {
                throw new IllegalArgumentException(file + ": " + Files.size(file) + " bytes, too large for a job file"
                        + " (at most " + MAX_JOB_FILE_BYTES + ")");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the job file: " + InputFiles.describe(file, e), e);
        }
        try {
            JsonElement el = JsonParser.parseString(text);
            if (!el.isJsonObject() || !el.getAsJsonObject().has("config") || !el.getAsJsonObject().has("data")) {
                throw new IllegalArgumentException(file + ": expected a JSON object with 'config' and 'data'");
            }
            JsonObject o = el.getAsJsonObject();
            known("", o, java.util.Set.of("config", "data", "slurm"));
            if (!o.get("data").isJsonObject() || !o.get("config").isJsonObject()) {
                throw new IllegalArgumentException("'config' and 'data' must be JSON objects");
            }
            JsonObject data = o.getAsJsonObject("data");
            known("data.", data, DATA.getOrDefault(data.has("dataset") ? data.get("dataset").getAsString() : "",
                    java.util.Set.of("dataset")));
            TrainingConfig c = Training.configFromJson(o.getAsJsonObject("config"));
            return new ShardJob(c.withEnsembleSize(c.ensembleSize()), o.getAsJsonObject("data"));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not valid JSON (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        } catch (IllegalStateException | UnsupportedOperationException | ClassCastException e) {
            throw new IllegalArgumentException(file + ": a field has the wrong type (" + e.getMessage() + ")", e);
        }
    }

    /** The fields a job's data object may have, per dataset. */
    private static final java.util.Map<String, java.util.Set<String>> DATA = java.util.Map.of(
            "synthetic", java.util.Set.of("dataset", "samples", "classes", "features", "separation", "seed", "validation"),
            "mnist", java.util.Set.of("dataset", "trainSize", "validation"));

    private static void known(String prefix, JsonObject o, java.util.Set<String> allowed) {
        for (String k : o.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("unknown field '" + prefix + k + "'; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    /** The job as JSON, the form {@link #read} reads. */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.add("config", Training.configJson(config));
        o.add("data", data.deepCopy());
        return o;
    }

    /** Loads the data sets (MNIST from {@link Mnist#defaultDirectory()}). */
    public Sets load() {
        String dataset = string("dataset");
        switch (dataset) {
            case "synthetic": {
                int n = integer("samples");
                int v = data.has("validation") ? integer("validation") : 0;
                int features = integer("features");
                if (v < 0) {
                    throw new IllegalArgumentException("data.validation must be >= 0, found " + v);
                }
                long points = (long) n + v;
                if (points * Math.max(1, features) > Integer.MAX_VALUE - 8) {
                    throw new IllegalArgumentException("data: " + points + " points of " + features + " features exceed"
                            + " a Java array; use fewer samples or features");
                }
                Dataset all = Synthetic.gaussianBlobs((int) points, integer("classes"), features, number("separation"),
                        longInteger("seed"));
                Dataset train = all.subset("blobs-train", IntStream.range(0, n).toArray());
                Dataset val = v > 0 ? all.subset("blobs-validation", IntStream.range(n, n + v).toArray()) : null;
                return new Sets(train, val);
            }
            case "mnist": {
                Mnist m = Mnist.load();
                Dataset train = m.train();
                if (data.has("trainSize") && integer("trainSize") < train.size()) {
                    train = train.first(integer("trainSize"));
                }
                boolean test = !data.has("validation") || "test".equals(string("validation"));
                return new Sets(train, test ? m.test() : null);
            }
            default:
                throw new IllegalArgumentException("data.dataset '" + dataset + "' is not known (synthetic, mnist)");
        }
    }

    private JsonPrimitive primitive(String key) {
        JsonElement e = data.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("data." + key + " is missing");
        }
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException("data." + key + " must be a number or a string, found " + e);
        }
        return e.getAsJsonPrimitive();
    }

    private String string(String key) {
        JsonPrimitive p = primitive(key);
        if (!p.isString()) {
            throw new IllegalArgumentException("data." + key + " must be a string, found " + p);
        }
        return p.getAsString();
    }

    /** A JSON number that is an integer in the long range; Gson's getAsLong would truncate 2.5 and wrap 1e20. */
    private long longInteger(String key) {
        JsonPrimitive p = primitive(key);
        if (!p.isNumber()) {
            throw new IllegalArgumentException("data." + key + " must be an integer, found " + p);
        }
        try {
            return p.getAsBigDecimal().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("data." + key + " must be an integer in the long range, found " + p, e);
        }
    }

    private int integer(String key) {
        long v = longInteger(key);
        if (v != (int) v) {
            throw new IllegalArgumentException("data." + key + " must be an integer below 2^31, found " + v);
        }
        return (int) v;
    }

    private double number(String key) {
        JsonPrimitive p = primitive(key);
        if (!p.isNumber() || !Double.isFinite(p.getAsDouble())) {
            throw new IllegalArgumentException("data." + key + " must be a finite number, found " + p);
        }
        return p.getAsDouble();
    }
}
