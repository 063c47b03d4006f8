package org.netgauss.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.netgauss.pigmm.PigmmParameters;

/** JSON helpers shared by the subcommands: non-finite numbers become {@code null}, so the output is strict JSON. */
final class JsonOutput {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private JsonOutput() {
    }

    static JsonElement number(double v) {
        return Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE;
    }

    /** {"f1": ..., ..., "f13": ...}. */
    static JsonObject parameters(PigmmParameters p) {
        JsonObject o = new JsonObject();
        double[] f = p.toArray();
        for (int k = 0; k < 13; k++) {
            o.add("f" + (k + 1), number(f[k]));
        }
        return o;
    }

    static String toJson(JsonElement e) {
        return GSON.toJson(e);
    }
}
