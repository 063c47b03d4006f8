package org.netgauss.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Crafted {@code .npy} files: every one must be refused by {@link Npy#read}, {@link Npy#readHeader} and
 * {@link Npy#map} with one message naming the file and the fault, before any data are allocated; and the headers
 * NumPy itself writes or accepts must still be read.
 */
public class NpyHostileInputTest {
    @TempDir
    Path tmp;

    /** A version-1.0 file with {@code dict} as its header (padded as NumPy pads) and {@code data} after it. */
    public static byte[] npy(String dict, byte[] data) {
        return npy(1, 0, dict, data);
    }

    static byte[] npy(int major, int minor, String dict, byte[] data) {
        int pre = major == 1 ? 10 : 12;
        byte[] h = dict.getBytes(StandardCharsets.ISO_8859_1);
        int total = pre + h.length + 1;
        int padded = (total + 63) / 64 * 64;
        int len = padded - pre;
        ByteBuffer b = ByteBuffer.allocate(padded + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, (byte) minor});
        if (major == 1) {
            b.putShort((short) len);
        } else {
            b.putInt(len);
        }
        b.put(h);
        b.put(" ".repeat(padded - total).getBytes(StandardCharsets.ISO_8859_1)).put((byte) '\n');
        b.put(data);
        return b.array();
    }

    static String dict(String descr, String fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
    }

    static byte[] raw(String hex) {
        return java.util.HexFormat.of().parseHex(hex);
    }

    public static Stream<Arguments> hostileFiles() {
        byte[] d32 = new byte[32 * 8];
        return Stream.of(
                Arguments.of("element count overflows to 0: (16, 2^30, 2^30)",
                        npy(dict("<f8", "False", "(16, 1073741824, 1073741824)"), new byte[0]), "2^63"),
                Arguments.of("element count overflows a long: (2^30, 2^30, 2^30)",
                        npy(dict("<f8", "False", "(1073741824, 1073741824, 1073741824)"), new byte[0]), "2^63"),
                Arguments.of("bytes overflow: 2^61 float64",
                        npy(dict("<f8", "False", "(2147483647, 2147483647, 2147483647)"), new byte[0]), "2^63"),
                Arguments.of("a dimension beyond int", npy(dict("<f4", "False", "(3000000000,)"), new byte[0]), "2^31"),
                Arguments.of("a dimension beyond long",
                        npy(dict("<f4", "False", "(99999999999999999999999,)"), new byte[0]), "too large"),
                Arguments.of("negative dimension", npy(dict("<f8", "False", "(-1, 4, 4)"), d32), "negative"),
                Arguments.of("fractional dimension", npy(dict("<f8", "False", "(2.5, 4)"), d32), "shape"),
                Arguments.of("shape is a bare integer", npy(dict("<f8", "False", "(32)"), d32), "not a tuple"),
                Arguments.of("shape is a list", npy(dict("<f8", "False", "[32]"), d32), "expected '('"),
                Arguments.of("shape is a string", npy(dict("<f8", "False", "'abc'"), d32), "expected '('"),
                Arguments.of("65 dimensions", npy(dict("<f8", "False", "(" + "1, ".repeat(65) + ")"), new byte[8]),
                        "dimensions"),
                Arguments.of("an extra key", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (32,), 'x': 1, }",
                        d32), "unexpected key 'x'"),
                Arguments.of("a key missing", npy("{'descr': '<f8', 'fortran_order': False, }", d32), "'shape' is missing"),
                Arguments.of("a key twice", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (32,), 'shape': (0,), }",
                        d32), "twice"),
                Arguments.of("fortran_order True", npy(dict("<f8", "True", "(4, 8)"), d32), "Fortran"),
                Arguments.of("fortran_order not a bool", npy(dict("<f8", "1", "(32,)"), d32), "True or False"),
                Arguments.of("big-endian", npy(dict(">f8", "False", "(32,)"), d32), "big-endian"),
                Arguments.of("complex dtype", npy(dict("<c16", "False", "(16,)"), d32), "unsupported dtype '<c16'"),
                Arguments.of("object dtype", npy(dict("|O", "False", "(32,)"), d32), "unsupported dtype '|O'"),
                Arguments.of("structured dtype",
                        npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (32,), }", d32), "structured"),
                Arguments.of("unterminated string", npy("{'descr': '<f8, 'fortran_order': False, 'shape': (32,), }", d32),
                        "malformed"),
                Arguments.of("text after the dict", npy(dict("<f8", "False", "(32,)") + " import os", d32), "after"),
                Arguments.of("no closing brace", npy("{'descr': '<f8', 'fortran_order': False, 'shape': (32,), ", d32),
                        "ends early"),
                Arguments.of("not a dict", npy("[1, 2, 3]", d32), "expected '{'"),
                Arguments.of("control bytes in the header", npy("{\u0000\u0001'descr': '<f8'}", d32), "malformed"),
                Arguments.of("version 1.1", npy(1, 1, dict("<f8", "False", "(32,)"), d32), "version 1.1"),
                Arguments.of("version 4.0", npy(4, 0, dict("<f8", "False", "(32,)"), d32), "version 4.0"),
                Arguments.of("header length over NumPy's limit", raw("934e554d5059020000000001"), "header of"),
                Arguments.of("header length beyond the file", raw("934e554d50590100ff00"), "truncated .npy header"),
                Arguments.of("wrong magic", raw("894e554d5059010076007b7d"), "magic"),
                Arguments.of("a PNG", raw("89504e470d0a1a0a0000000d49484452"), "magic"),
                Arguments.of("empty file", new byte[0], "too short"),
                Arguments.of("five bytes", raw("934e554d50"), "too short"),
                Arguments.of("data truncated", npy(dict("<f8", "False", "(32,)"), new byte[32 * 8 - 1]), "truncated"),
                Arguments.of("data missing", npy(dict("<f8", "False", "(32,)"), new byte[0]), "truncated"),
                Arguments.of("trailing bytes", npy(dict("<f8", "False", "(32,)"), new byte[32 * 8 + 3]), "3 bytes after"),
                Arguments.of("two arrays concatenated",
                        concat(npy(dict("<f8", "False", "(32,)"), d32), npy(dict("<f8", "False", "(32,)"), d32)),
                        "bytes after"));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void hostileFileIsRefusedNamingFileAndFault(String what, byte[] content, String fault) throws IOException {
        Path p = tmp.resolve("hostile.npy");
        Files.write(p, content);
        for (var reader : java.util.List.<java.util.function.Consumer<Path>>of(Npy::read, Npy::readHeader, Npy::map)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.accept(p), what);
            assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(fault), what + ": " + e.getMessage());
        }
    }

    @Test
    void sparseFileLargerThanTheHeapIsRefusedBeforeAllocating() throws IOException {
        // a legal float64 file of 8 x the JVM's maximum heap (sparse: no disk used), under the Java array limit
        long heap = Runtime.getRuntime().maxMemory();
        long elements = Math.min(Integer.MAX_VALUE - 16, heap); // 8 bytes each: 8 x heap, or 16 GiB
        Path p = tmp.resolve("sparse.npy");
        byte[] header = npy(dict("<f8", "False", "(" + elements + ",)"), new byte[0]);
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.SPARSE)) {
            ch.write(ByteBuffer.wrap(header));
            ch.write(ByteBuffer.wrap(new byte[8]), header.length + elements * 8 - 8);
        }
        assertEquals(elements, Npy.readHeader(p).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("GiB") && e.getMessage().contains("Npy.map"), e.getMessage());
        // the slice reader still works on it
        assertEquals(0.0, Npy.map(p).members(0, 4).doubles()[3]);
    }

    @Test
    void fifoIsRefusedWithoutBlocking() throws Exception {
        Path p = tmp.resolve("fifo.npy");
        Process mk = new ProcessBuilder("mkfifo", p.toString()).start();
        assertEquals(0, mk.waitFor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(p));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Npy.map(p));
    }

    @Test
    void directoryAndMissingFileSayWhich() {
        IllegalArgumentException dir = assertThrows(IllegalArgumentException.class, () -> Npy.read(tmp));
        assertTrue(dir.getMessage().contains("is a directory"), dir.getMessage());
        UncheckedIOException missing = assertThrows(UncheckedIOException.class, () -> Npy.read(tmp.resolve("no.npy")));
        assertTrue(missing.getMessage().contains("no.npy: no such file"), missing.getMessage());
    }

    @Test
    void permissionDeniedIsNamed() {
        // as root every file is readable, so the message is checked on the exception a read would throw
        String m = InputFiles.describe(tmp.resolve("a.npy"), new java.nio.file.AccessDeniedException(
                tmp.resolve("a.npy").toString()));
        assertEquals(tmp.resolve("a.npy") + ": permission denied", m);
    }

    static Stream<Arguments> headersNumpyAccepts() {
        return Stream.of(
                Arguments.of("no trailing comma", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2)}", new int[] {2, 2}),
                Arguments.of("double quotes", "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (4,)}", new int[] {4}),
                Arguments.of("keys in another order", "{'shape': (1, 4), 'fortran_order': False, 'descr': '<f8', }",
                        new int[] {1, 4}),
                Arguments.of("Python 2 long literals", "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 2L), }",
                        new int[] {2, 2}),
                Arguments.of("no spaces", "{'descr':'<f8','fortran_order':False,'shape':(4,)}", new int[] {4}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headersNumpyAccepts")
    void headersNumpyAcceptsAreRead(String what, String dict, int[] shape) throws IOException {
        Path p = tmp.resolve("ok.npy");
        ByteBuffer data = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 4; i++) {
            data.putDouble(i + 0.5);
        }
        Files.write(p, npy(dict, data.array()));
        NpyArray a = Npy.read(p);
        assertArrayEquals(shape, a.shape(), what);
        assertArrayEquals(new double[] {0.5, 1.5, 2.5, 3.5}, a.doubles(), what);
    }

    @Test
    void versionThreeAndScalarsAndEmptyArraysAreRead() throws IOException {
        Path p = tmp.resolve("v3.npy");
        Files.write(p, npy(3, 0, dict("<i4", "False", "()"), new byte[] {7, 0, 0, 0}));
        NpyArray a = Npy.read(p);
        assertEquals(0, a.rank());
        assertArrayEquals(new int[] {7}, a.ints());
        Files.write(p, npy(2, 0, dict("<f4", "False", "(0, 3)"), new byte[0]));
        assertArrayEquals(new int[] {0, 3}, Npy.read(p).shape());
    }
}
