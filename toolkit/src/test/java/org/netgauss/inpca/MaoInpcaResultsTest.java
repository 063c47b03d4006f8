package org.netgauss.inpca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.netgauss.nn.Training;

/**
 * The committed InPCA of the Mao et al. grid ({@code results/mao-inpca/}: 18 runs x 3 seeds and 50 points of the
 * P0 → P* geodesic) is consistent with the code: every
 * trajectory has t = 0 and the steps of {@link Training#maoSchedule} for 469 batches of 128 and 10 epochs
 * (docs/spec/hyperribbon.md §4.2), eigenvalues are sorted by magnitude with the signature's signs, and the
 * coordinates satisfy the embedding identity Σ_i x_ik² = |e_k| of docs/spec/hyperribbon.md §1.3.
 */
class MaoInpcaResultsTest {
    private static final Path DIR = Path.of("..", "results", "mao-inpca");

    @Test
    void everyTrajectoryFollowsMaosScheduleAndTheEmbeddingIdentityHolds() throws IOException {
        JsonObject inpca = JsonParser.parseString(Files.readString(DIR.resolve("inpca.json"))).getAsJsonObject();
        List<String> lines = Files.readAllLines(DIR.resolve("points.csv"));
        assertEquals("point,run,member,step,x1,x2,x3", lines.get(0));
        int models = inpca.get("models").getAsInt();
        assertEquals(models, lines.size() - 1);
        long[] expected = LongStream.concat(LongStream.of(0), LongStream.of(Training.maoSchedule(469, 10))).toArray();
        assertEquals(31, expected.length);
        Map<String, List<Long>> steps = new LinkedHashMap<>();
        double[] sumSq = new double[3];
        int geodesic = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            if (f[1].equals(PredictionTrajectories.GEODESIC)) {
                assertEquals(geodesic++, Long.parseLong(f[3]), "geodesic points in order from P0");
                for (int k = 0; k < 3; k++) {
                    sumSq[k] += Math.pow(Double.parseDouble(f[4 + k]), 2);
                }
                continue;
            }
            steps.computeIfAbsent(f[1] + "#" + f[2], k -> new java.util.ArrayList<>()).add(Long.parseLong(f[3]));
            for (int k = 0; k < 3; k++) {
                sumSq[k] += Math.pow(Double.parseDouble(f[4 + k]), 2);
            }
        }
        assertEquals(54, steps.size(), "18 runs x 3 seeds");
        assertEquals(50, geodesic, "the P0 -> P* geodesic");
        assertEquals(50, inpca.get("geodesicPoints").getAsInt());
        for (Map.Entry<String, List<Long>> e : steps.entrySet()) {
            assertArrayEquals(expected, e.getValue().stream().mapToLong(Long::longValue).toArray(), e.getKey());
        }
        JsonArray ev = inpca.getAsJsonArray("eigenvalues");
        JsonArray sig = inpca.getAsJsonArray("signature");
        int timeLike = 0;
        for (int k = 0; k < ev.size(); k++) {
            double e = ev.get(k).getAsDouble();
            if (k > 0) {
                assertTrue(Math.abs(e) <= Math.abs(ev.get(k - 1).getAsDouble()) * (1 + 1e-12), "sorted by |e| at " + k);
            }
            int sign = sig.get(k).getAsInt();
            if (sign == 0) {   // a null direction: zero up to rounding
                assertTrue(Math.abs(e) < 1e-9 * Math.abs(ev.get(0).getAsDouble()), "null e_" + (k + 1) + " = " + e);
            } else {
                assertEquals(Math.signum(e), sign, 0, "sign of e_" + (k + 1));
            }
            timeLike += sign < 0 ? 1 : 0;
        }
        assertEquals(inpca.get("timeLike").getAsInt(), timeLike);
        for (int k = 0; k < 3; k++) {
            assertEquals(Math.abs(ev.get(k).getAsDouble()), sumSq[k], 1e-9 * sumSq[k], "Σ x_" + (k + 1) + "²");
        }
        assertTrue(inpca.getAsJsonArray("explainedStress").get(2).getAsDouble() > 0.95, "a hyper-ribbon: χ_3 = "
                + inpca.getAsJsonArray("explainedStress").get(2));
    }
}
