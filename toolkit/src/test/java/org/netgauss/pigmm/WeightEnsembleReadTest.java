package org.netgauss.pigmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.store.Npy;
import org.netgauss.store.NpyArray;

/** The one road from a {@code .npy} file or an array to an ensemble, and every way to break it. */
class WeightEnsembleReadTest {
    @TempDir
    Path dir;

    private static double[] gaussian(int count, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[count];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextGaussian();
        }
        return x;
    }

    private static String rejected(Path p) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WeightEnsemble.read(p));
        assertTrue(e.getMessage().startsWith(p.toString() + ": "), "message names the file first: " + e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void float64FileReadsBackEveryEntry() {
        double[] x = gaussian(7 * 5 * 5, 1);
        Path p = dir.resolve("w.npy");
        Npy.write(p, x, 7, 5, 5);
        WeightEnsemble e = WeightEnsemble.read(p);
        assertEquals(7, e.members());
        assertEquals(5, e.rows());
        assertEquals(5, e.cols());
        assertTrue(Arrays.equals(x, e.toArray()));
        assertEquals(x[(3 * 5 + 2) * 5 + 4], e.get(3, 2, 4));
    }

    @Test
    void float32EntriesAreWidenedExactly() {
        float[] x = new float[4 * 3 * 6];
        double[] g = gaussian(x.length, 2);
        for (int k = 0; k < x.length; k++) {
            x[k] = (float) g[k];
        }
        WeightEnsemble e = WeightEnsemble.of(NpyArray.of(x, 4, 3, 6));
        assertEquals(3, e.rows());
        assertEquals(6, e.cols());
        for (int k = 0; k < x.length; k++) {
            assertEquals((double) x[k], e.toArray()[k]);
        }
    }

    @Test
    void fitFromPathFromArrayAndFromEnsembleAreTheSameFit() {
        double[] x = gaussian(30 * 6 * 6, 3);
        Path p = dir.resolve("W2.npy");
        Npy.write(p, x, 30, 6, 6);
        PigmmFit direct = Pigmm.fit(WeightEnsemble.of(x, 30, 6, 6));
        assertEquals(direct, Pigmm.fit(p));
        assertEquals(direct, Pigmm.fit(NpyArray.of(x, 30, 6, 6)));
        assertEquals(Pigmm.compareModels(WeightEnsemble.of(x, 30, 6, 6)), Pigmm.compareModels(p));
    }

    @Test
    void missingFileIsNamed() {
        String m = rejected(dir.resolve("nowhere.npy"));
        assertTrue(m.contains("no such file") && m.contains("[N, rows, cols]"), m);
    }

    @Test
    void directoryIsRejected() {
        assertTrue(rejected(dir).contains("is a directory"));
    }

    @Test
    void textFileIsNotANpyFile() throws IOException {
        Path p = dir.resolve("corrupt.npy");
        Files.writeString(p, "this is not a NumPy file");
        String m = rejected(p);
        assertTrue(m.contains("not a .npy file"), m);
    }

    @Test
    void truncatedFileIsRejected() throws IOException {
        Path p = dir.resolve("w.npy");
        Npy.write(p, gaussian(10 * 25, 4), 10, 5, 5);
        Path t = dir.resolve("truncated.npy");
        byte[] all = Files.readAllBytes(p);
        Files.write(t, Arrays.copyOf(all, all.length - 17));
        String m = rejected(t);
        assertTrue(m.contains("truncated") && m.contains("[10, 5, 5]"), m);
    }

    @Test
    void integerDtypeIsRejectedWithTheConversion() {
        Path p = dir.resolve("ints.npy");
        Npy.write(p, new int[3 * 25], 3, 5, 5);
        String m = rejected(p);
        assertTrue(m.contains("float32 or float64") && m.contains("<i4") && m.contains("astype"), m);
    }

    @Test
    void singleMatrixGetsTheArrNoneHint() {
        Path p = dir.resolve("matrix.npy");
        Npy.write(p, new double[36], 6, 6);
        String m = rejected(p);
        assertTrue(m.contains("rank-3") && m.contains("found shape [6, 6]") && m.contains("arr[None]"), m);
    }

    @Test
    void rankFourIsRejectedWithItsShape() {
        Path p = dir.resolve("four.npy");
        Npy.write(p, new double[2 * 3 * 4 * 4], 2, 3, 4, 4);
        String m = rejected(p);
        assertTrue(m.contains("found shape [2, 3, 4, 4]") && !m.contains("arr[None]"), m);
    }

    @Test
    void nonFiniteEntryIsLocated() {
        float[] x = new float[3 * 16];
        x[16 + 7] = Float.NaN;
        Path p = dir.resolve("nan.npy");
        Npy.write(p, x, 3, 4, 4);
        assertTrue(rejected(p).contains("member 1 entry (1, 3) is NaN"));
        x[16 + 7] = 0;
        x[2 * 16] = Float.NEGATIVE_INFINITY;
        Npy.write(p, x, 3, 4, 4);
        assertTrue(rejected(p).contains("member 2 entry (0, 0) is -Infinity"));
    }

    @Test
    void arrayErrorsNeedNoFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pigmm.fit(NpyArray.of(new long[8], 2, 4)));
        assertTrue(e.getMessage().startsWith("expected float32 or float64 weights, found dtype <i8 [2, 4]"),
                e.getMessage());
    }

    @Test
    void modelChecksStillApplyAfterReading() {
        Path p = dir.resolve("small.npy");
        Npy.write(p, gaussian(10 * 9, 5), 10, 3, 3);
        WeightEnsemble e = WeightEnsemble.read(p);
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Pigmm.fit(e));
        assertTrue(x.getMessage().contains("D >= 4"), x.getMessage());
    }
}
