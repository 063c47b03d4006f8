package org.netgauss.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFileTest {
    @TempDir
    Path tmp;

    private static float[] ramp(int n, float offset) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = offset + i * 0.5f;
        }
        return f;
    }

    @Test
    void memberSlicesEqualTheSlicesOfTheWholeArray() {
        Path p = tmp.resolve("W.npy");
        Npy.write(p, ramp(5 * 3 * 4, 0), 5, 3, 4);
        NpyArray whole = Npy.read(p);
        NpyFile view = Npy.map(p);
        assertEquals(5, view.length());
        assertArrayEquals(new int[] {3, 4}, view.sliceShape());
        for (int e = 0; e < 5; e++) {
            assertArrayEquals(whole.matrix(e), view.matrix(e));
            assertArrayEquals(new int[] {3, 4}, view.member(e).shape());
        }
        NpyArray mid = view.members(1, 3);
        assertArrayEquals(new int[] {3, 3, 4}, mid.shape());
        assertArrayEquals(java.util.Arrays.copyOfRange(whole.floats(), 12, 48), mid.floats());
    }

    @Test
    void concatenationAlongTheFirstAxisEqualsTheArrayItWasCutFrom() {
        double[] all = new double[6 * 2 * 3];
        for (int i = 0; i < all.length; i++) {
            all[i] = Math.sin(i);
        }
        Npy.write(tmp.resolve("a.npy"), java.util.Arrays.copyOfRange(all, 0, 12), 2, 2, 3);
        Npy.write(tmp.resolve("b.npy"), java.util.Arrays.copyOfRange(all, 12, 36), 4, 2, 3);
        Npy.concatenate(tmp.resolve("ab.npy"), List.of(Npy.map(tmp.resolve("a.npy")), Npy.map(tmp.resolve("b.npy"))));
        assertEquals(NpyArray.of(all, 6, 2, 3), Npy.read(tmp.resolve("ab.npy")));
    }

    @Test
    void concatenatingArraysOfDifferentTrailingShapeIsRejectedNamingTheFile() {
        Npy.write(tmp.resolve("a.npy"), ramp(12, 0), 2, 2, 3);
        Npy.write(tmp.resolve("b.npy"), ramp(12, 0), 2, 3, 2);
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.concatenate(tmp.resolve("ab.npy"),
                List.of(Npy.map(tmp.resolve("a.npy")), Npy.map(tmp.resolve("b.npy")))));
        assertTrue(e.getMessage().contains("b.npy"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("ab.npy")));
    }

    @Test
    void truncatedFileIsCaughtWhenOpened() throws Exception {
        Path p = tmp.resolve("W.npy");
        Npy.write(p, ramp(24, 0), 2, 3, 4);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 4));
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.map(p));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void sliceOutsideTheFirstAxisIsRejected() {
        Path p = tmp.resolve("W.npy");
        Npy.write(p, ramp(24, 0), 2, 3, 4);
        assertThrows(IndexOutOfBoundsException.class, () -> Npy.map(p).members(1, 2));
    }
}
