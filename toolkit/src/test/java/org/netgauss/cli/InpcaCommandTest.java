package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.Predictions;
import org.netgauss.store.Npy;
import org.netgauss.store.NpyArray;

class InpcaCommandTest {

    @TempDir
    Path dir;

    /** The four models of docs/spec/hyperribbon.md §1.7 (P0, A, B, P*ε), flattened [4, 2, 3]. */
    static double[] fourModels() {
        double e = 1e-6;
        double z = 1 + 2 * e;
        return new double[] {
            1 / 3., 1 / 3., 1 / 3., 1 / 3., 1 / 3., 1 / 3.,
            .6, .3, .1, .2, .6, .2,
            .2, .2, .6, .6, .2, .2,
            1 / z, e / z, e / z, e / z, 1 / z, e / z,
        };
    }

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).getAsDouble();
        }
        return v;
    }

    @Test
    void jsonEigenvaluesMatchSpec17AndTheLibrary() {
        Path probs = dir.resolve("four.npy");
        Npy.write(probs, fourModels(), 4, 2, 3);
        CliRun r = run("inpca", probs.toString(), "--json", "--components", "4");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(4, o.get("models").getAsInt());
        assertEquals(2, o.get("samples").getAsInt());
        assertEquals(3, o.get("classes").getAsInt());
        double[] e = doubles(o.getAsJsonArray("eigenvalues"));
        // docs/spec/hyperribbon.md §1.7 "Four models": eig(W) = [0.456791, 0.006330, −0.004874, 0]
        double[] spec = {0.456791, 0.006330, -0.004874, 0};
        for (int k = 0; k < 4; k++) {
            assertEquals(spec[k], e[k], 2e-6, "e_" + (k + 1));
        }
        assertEquals(1, o.get("timeLike").getAsInt());
        assertEquals(-1, o.getAsJsonArray("signature").get(2).getAsInt());
        // docs/spec/hyperribbon.md §1.7: χ_1 = 0.982513, χ_2 = 0.989333
        double[] chi = doubles(o.getAsJsonArray("explainedStress"));
        assertEquals(0.982513, chi[0], 2e-6);
        assertEquals(0.989333, chi[1], 2e-6);
        InpcaEmbedding lib = Inpca.embed(Inpca.bhattacharyya(Predictions.of(fourModels(), 4, 2, 3)), 4);
        JsonArray coords = o.getAsJsonArray("coordinates");
        for (int i = 0; i < 4; i++) {
            double[] row = doubles(coords.get(i).getAsJsonArray());
            assertEquals(4, row.length);
            for (int k = 0; k < 4; k++) {
                assertEquals(lib.coordinate(i, k), row[k], 1e-12, "x[" + i + "][" + k + "]");
            }
        }
    }

    @Test
    void float32InputAndOutFileGiveTheLibraryCoordinates() {
        double[] d = fourModels();
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        Path probs = dir.resolve("four32.npy");
        Path coords = dir.resolve("coords.npy");
        Npy.write(probs, f, 4, 2, 3);
        CliRun r = run("inpca", probs.toString(), "--out", coords.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("time-like"), r.out());
        NpyArray x = Npy.read(coords);
        assertEquals(4, x.dim(0));
        assertEquals(3, x.dim(1), "default --components is 3");
        InpcaEmbedding lib = Inpca.embed(Inpca.bhattacharyya(Predictions.of(f, 4, 2, 3)), 3);
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 3; k++) {
                assertEquals(lib.coordinate(i, k), x.get(i, k), 1e-12);
            }
        }
    }

    @Test
    void defaultComponentsNeverExceedTheModelCount() {
        Path probs = dir.resolve("two.npy");
        Npy.write(probs, java.util.Arrays.copyOf(fourModels(), 12), 2, 2, 3);
        CliRun r = run("inpca", probs.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(2, o.get("components").getAsInt());
        assertEquals(2, o.getAsJsonArray("coordinates").get(0).getAsJsonArray().size());
    }

    @Test
    void rejectsASingleModel() {
        Path p = dir.resolve("one.npy");
        Npy.write(p, java.util.Arrays.copyOf(fourModels(), 6), 1, 2, 3);
        assertRejected(p, "at least 2 models");
    }

    private void assertRejected(Path probs, String expectedInMessage, String... extra) {
        Path coords = dir.resolve("never.npy");
        String[] args = new String[3 + extra.length];
        args[0] = "inpca";
        args[1] = probs.toString();
        args[2] = "--out=" + coords;
        System.arraycopy(extra, 0, args, 3, extra.length);
        CliRun r = run(args);
        assertNotEquals(0, r.code());
        String err = r.err().strip();
        assertFalse(err.contains("\n"), "one-line message, got: " + err);
        assertTrue(err.contains(expectedInMessage), err);
        assertFalse(Files.exists(coords), "nothing written on bad input");
        assertEquals("", r.out());
    }

    @Test
    void rejectsWrongRank() {
        Path p = dir.resolve("rank2.npy");
        Npy.write(p, new double[] {.5, .5, .5, .5}, 2, 2);
        assertRejected(p, "rank 3");
    }

    @Test
    void rejectsRowsNotSummingToOne() {
        double[] d = fourModels();
        d[7] += 0.1;
        Path p = dir.resolve("sum.npy");
        Npy.write(p, d, 4, 2, 3);
        assertRejected(p, "sum to");
    }

    @Test
    void rejectsNaN() {
        double[] d = fourModels();
        d[4] = Double.NaN;
        Path p = dir.resolve("nan.npy");
        Npy.write(p, d, 4, 2, 3);
        assertRejected(p, "NaN");
    }

    @Test
    void rejectsTruncatedFile() throws IOException {
        Path p = dir.resolve("trunc.npy");
        Npy.write(p, fourModels(), 4, 2, 3);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 8));
        assertRejected(p, "truncated");
    }

    @Test
    void rejectsIntegerDtype() {
        Path p = dir.resolve("int.npy");
        Npy.write(p, new int[12], 2, 2, 3);
        assertRejected(p, "float32");
    }

    @Test
    void rejectsMissingFile() {
        assertRejected(dir.resolve("absent.npy"), "absent.npy");
    }

    @Test
    void rejectsTooManyComponents() {
        Path p = dir.resolve("four.npy");
        Npy.write(p, fourModels(), 4, 2, 3);
        assertRejected(p, "--components", "--components", "5");
    }
}
