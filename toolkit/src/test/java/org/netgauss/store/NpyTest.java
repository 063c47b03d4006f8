package org.netgauss.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {
    // Files written by NumPy 1.24.2 (Debian python3-numpy): np.save(io.BytesIO(), array).getvalue().hex()
    private static final String NUMPY_F32_2X3 = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028322c2033292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a000000000000803e0000003f0000403f0000803f0000a03f";
    private static final String NUMPY_I64 = "934e554d5059010076007b276465736372273a20273c6938272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0100000000000000feffffffffffffff0300000000000000";
    private static final String NUMPY_BIG_ENDIAN = "934e554d5059010076007b276465736372273a20273e6634272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a000000003f80000040000000";
    private static final String NUMPY_FORTRAN = "934e554d5059010076007b276465736372273a20273c6634272c2027666f727472616e5f6f72646572273a20547275652c20277368617065273a2028322c2033292c207d20202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a00000000000040400000803f00008040000000400000a040";
    private static final String NUMPY_F16 = "934e554d5059010076007b276465736372273a20273c6632272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028332c292c207d2020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0000003c0040";
    private static final String NUMPY_V2_F64 = "934e554d50590200740000007b276465736372273a20273c6638272c2027666f727472616e5f6f72646572273a2046616c73652c20277368617065273a2028342c292c207d202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020202020200a0000000000000000000000000000f03f00000000000000400000000000000840";

    @TempDir
    Path tmp;

    private Path fixture(String hex) throws IOException {
        Path p = tmp.resolve("fixture.npy");
        Files.write(p, HexFormat.of().parseHex(hex));
        return p;
    }

    @Test
    void readsNumpyFloat32InCOrder() throws IOException {
        NpyArray a = Npy.read(fixture(NUMPY_F32_2X3));
        assertEquals(DType.FLOAT32, a.dtype());
        assertArrayEquals(new int[] {2, 3}, a.shape());
        assertArrayEquals(new float[] {0, 0.25f, 0.5f, 0.75f, 1, 1.25f}, a.floats());
        assertEquals(1.25, a.get(1, 2));
    }

    @Test
    void readsNumpyInt64AndVersion2() throws IOException {
        assertArrayEquals(new long[] {1, -2, 3}, Npy.read(fixture(NUMPY_I64)).longs());
        assertArrayEquals(new double[] {0, 1, 2, 3}, Npy.read(fixture(NUMPY_V2_F64)).doubles());
    }

    @Test
    void bigEndianIsRejectedWithConversionHint() throws IOException {
        Path p = fixture(NUMPY_BIG_ENDIAN);
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("big-endian"), e.getMessage());
    }

    @Test
    void fortranOrderIsRejectedWithConversionHint() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(fixture(NUMPY_FORTRAN)));
        assertTrue(e.getMessage().contains("Fortran") && e.getMessage().contains("ascontiguousarray"), e.getMessage());
    }

    @Test
    void unknownDtypeIsRejectedNamingIt() throws IOException {
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(fixture(NUMPY_F16)));
        assertTrue(e.getMessage().contains("<f2"), e.getMessage());
    }

    @Test
    void writtenFilesRoundTripEveryDtypeAndRank() {
        Path p = tmp.resolve("a.npy");
        float[] f = {1.5f, -2, Float.MIN_VALUE, Float.MAX_VALUE, Float.NaN, 0, 7, 8, 9, 10, 11, 12};
        Npy.write(p, f, 2, 3, 2);
        NpyArray r = Npy.read(p);
        assertArrayEquals(new int[] {2, 3, 2}, r.shape());
        assertArrayEquals(f, r.floats());
        Npy.write(p, new double[] {Math.PI}, 1);
        assertArrayEquals(new double[] {Math.PI}, Npy.read(p).doubles());
        Npy.write(p, new int[] {Integer.MIN_VALUE, 3}, 2);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, 3}, Npy.read(p).ints());
        Npy.write(p, new long[] {Long.MAX_VALUE}, new int[0]);
        assertEquals(0, Npy.read(p).rank());
        assertArrayEquals(new long[] {Long.MAX_VALUE}, Npy.read(p).longs());
    }

    @Test
    void headerIsPaddedToSixtyFourBytesAndEndsWithNewline() throws IOException {
        Path p = tmp.resolve("h.npy");
        Npy.write(p, new float[6], 2, 3);
        byte[] b = Files.readAllBytes(p);
        int headerEnd = b.length - 24;
        assertEquals(0, headerEnd % 64);
        assertEquals('\n', b[headerEnd - 1]);
        assertTrue(new String(b, 0, headerEnd, java.nio.charset.StandardCharsets.ISO_8859_1).contains("'shape': (2, 3)"));
    }

    @Test
    void largeArraysRoundTripThroughTheChunkedPath() {
        Path p = tmp.resolve("big.npy");
        float[] f = new float[700_001];
        for (int i = 0; i < f.length; i++) {
            f[i] = i * 0.5f;
        }
        Npy.write(p, f, f.length);
        assertArrayEquals(f, Npy.read(p).floats());
    }

    @Test
    void truncatedFileIsReportedWithItsName() throws IOException {
        Path p = tmp.resolve("W1.npy");
        Npy.write(p, new float[100], 10, 10);
        byte[] b = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(b, b.length - 10));
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        Files.write(p, java.util.Arrays.copyOf(b, 8));
        assertThrows(IllegalArgumentException.class, () -> Npy.read(p));
    }

    @Test
    void missingFileIsReportedWithItsName() {
        Path p = tmp.resolve("nope.npy");
        var e = assertThrows(UncheckedIOException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("nope.npy"), e.getMessage());
    }

    @Test
    void shapeThatDoesNotMatchDataIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Npy.write(tmp.resolve("x.npy"), new float[5], 2, 3));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("5"), e.getMessage());
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        Npy.write(tmp.resolve("a.npy"), new float[3], 3);
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count());
        }
    }
}
