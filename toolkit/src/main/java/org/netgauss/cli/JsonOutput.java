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

    /**
     * The 1/&radic;N noise floor of a deviation |prediction &minus; mean| / sd over N members: the standard error of
     * the ensemble mean in SD units, so a correct model's deviations scatter at about this size (docs/spec/pigmm.md
     * &sect;3.3 and &sect;5.3: "sampling noise is about 1/&radic;N &asymp; 0.03 SD" at N = 1000).
     */
    static double noiseFloor(int members) {
        return 1.0 / Math.sqrt(members);
    }

    static String toJson(JsonElement e) {
        return GSON.toJson(e);
    }
}
