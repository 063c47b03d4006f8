package org.netgauss.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The benchmarks' rule: no ratio against a peer on the reference BLAS or with a wrong product. */
class PeerBlasTest {

    private static PeerBlas report(boolean reference, boolean exact, double torchError) {
        JsonObject o = JsonParser.parseString("{\"numpy\": \"1.24.2\", \"torch\": \"1.13\", \"env\": {},"
                + " \"numpy_gemm_f64_gflops\": 30.0, \"torch_gemm_f32_gflops\": 60.0, \"torch_threads\": 2,"
                + " \"blas\": \"openblas 0.3.21\", \"libraries\": []}").getAsJsonObject();
        o.addProperty("reference_blas", reference);
        o.addProperty("numpy_f64_exact", exact);
        o.addProperty("torch_f32_max_rel_error", torchError);
        return new PeerBlas(o);
    }

    @Test
    void ratiosAreGivenOnlyWhenThePeersAreAtTheirBest() {
        PeerBlas best = report(false, true, 4e-7);
        assertTrue(best.atTheirBest());
        assertEquals("2.50x", best.ratio(2.5));
        assertEquals(30.0, best.numpyGemmF64(), 0.0);
        assertEquals(60.0, best.torchGemmF32(), 0.0);
    }

    @Test
    void referenceBlasRefusesEveryRatio() {
        PeerBlas ref = report(true, true, 4e-7);
        assertFalse(ref.atTheirBest());
        assertEquals("refused (peer on the reference BLAS)", ref.ratio(2.5));
        assertTrue(ref.summary().contains("NOT at their best"));
    }

    @Test
    void aWrongProductRefusesEveryRatio() {
        assertEquals("refused (peer's product check failed)", report(false, false, 4e-7).ratio(2.5));
        assertEquals("refused (peer's product check failed)", report(false, true, 1e-2).ratio(2.5));
    }
}
