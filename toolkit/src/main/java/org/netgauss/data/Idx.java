package org.netgauss.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reader of the IDX format of LeCun et al.'s MNIST distribution: a big-endian magic number
 * {@code 0x0000TTNN} (TT = element type, 0x08 unsigned byte; NN = number of dimensions), NN big-endian
 * 32-bit sizes, then the elements in row-major order. Files may be gzipped (detected by the gzip magic
 * {@code 0x1f8b}, whatever the file name).
 *
 * <p>Everything is checked against the header before use: a truncated or over-long file fails with the
 * expected and the found length.
 */
final class Idx {
    /** IDX magic of an unsigned-byte array with 1 dimension (labels). */
    static final int UBYTE_1D = 0x00000801;
    /** IDX magic of an unsigned-byte array with 3 dimensions (images). */
    static final int UBYTE_3D = 0x00000803;

    /** The largest data a Java byte array holds. */
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;
    /** How many trailing bytes are counted for the message before reading stops (a gzip bomb has billions). */
    private static final long MAX_TRAILING_COUNTED = 1 << 20;

    /** A decoded unsigned-byte IDX array. */
    record Array(int[] dims, byte[] data) {
        int count() { return dims[0]; }
    }

    private Idx() {
    }

    /**
     * Reads an unsigned-byte IDX file whose magic must be {@code expectedMagic}. The file is read as a stream and
     * never beyond what its header announces, so a gzip bomb (a small file that inflates to gigabytes) costs at
     * most the announced size plus a bounded count of trailing bytes, and an announced size beyond a Java array
     * or the heap is refused before anything is allocated.
     *
     * @param hint appended to every error message, e.g. where to get a good copy
     * @throws IllegalArgumentException on a wrong magic number, a non-positive dimension, a size that cannot be
     *                                  held, a length that disagrees with the header, or a non-regular file
     * @throws UncheckedIOException     when the file cannot be read or is not valid gzip
     */
    static Array readUbyte(Path file, int expectedMagic, String hint) {
        if (!Files.isRegularFile(file)) {
            // a FIFO would block the open and a device never end
            throw new IllegalArgumentException(file + ": not a regular file (a directory, FIFO or device); " + hint);
        }
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzipped = b0 == 0x1f && b1 == 0x8b;
            try (InputStream in = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw) {
                return read(in, file, expectedMagic, hint);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read IDX file (" + e + "); " + hint, e);
        }
    }

    private static Array read(InputStream in, Path file, int expectedMagic, String hint) throws IOException {
        int dimCount = expectedMagic & 0xff;
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new IllegalArgumentException(file + ": not an IDX file, expected a 4-byte magic number 0x"
                    + hex(expectedMagic) + ", found a file of " + head.length + " bytes; " + hint);
        }
        int magic = readInt(head, 0);
        if (magic != expectedMagic) {
            throw new IllegalArgumentException(file + ": expected IDX magic number 0x" + hex(expectedMagic) + " ("
                    + describe(expectedMagic) + "), found 0x" + hex(magic) + " (" + describe(magic) + "); " + hint);
        }
        int headerLength = 4 + 4 * dimCount;
        byte[] sizes = in.readNBytes(4 * dimCount);
        if (sizes.length < 4 * dimCount) {
            throw new IllegalArgumentException(file + ": truncated header, expected " + headerLength
                    + " bytes for " + dimCount + " dimensions, found " + (4 + sizes.length) + "; " + hint);
        }
        int[] dims = new int[dimCount];
        long elements = 1;
        for (int d = 0; d < dimCount; d++) {
            dims[d] = readInt(sizes, 4 * d);
            if (dims[d] <= 0) {
                throw new IllegalArgumentException(file + ": dimension " + d + " of the header is " + dims[d]
                        + ", expected a positive size; " + hint);
            }
            // three ints reach 2^93: saturate instead of wrapping around to a small number
            elements = elements > MAX_ELEMENTS ? elements : elements * dims[d];
        }
        if (elements > MAX_ELEMENTS || elements > Runtime.getRuntime().maxMemory()) {
            throw new IllegalArgumentException(file + ": header says " + shape(dims) + " bytes of data, more than"
                    + " this JVM can hold; the file is corrupt or not MNIST; " + hint);
        }
        long expectedLength = headerLength + elements;
        byte[] data = in.readNBytes((int) elements);
        if (data.length < elements) {
            throw new IllegalArgumentException(file + ": header says " + shape(dims) + " bytes of data, so "
                    + expectedLength + " bytes in all, found " + (headerLength + data.length)
                    + " (the file is truncated); " + hint);
        }
        long trailing = 0;
        while (trailing <= MAX_TRAILING_COUNTED && in.read() >= 0) {
            trailing += 1 + in.skip(MAX_TRAILING_COUNTED);
        }
        if (trailing > 0) {
            throw new IllegalArgumentException(file + ": header says " + shape(dims) + " bytes of data, so "
                    + expectedLength + " bytes in all, found " + (trailing > MAX_TRAILING_COUNTED ? "more than "
                    + (expectedLength + MAX_TRAILING_COUNTED) : String.valueOf(expectedLength + trailing))
                    + " (trailing bytes); " + hint);
        }
        return new Array(dims, data);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    static String shape(int[] dims) {
        StringBuilder s = new StringBuilder();
        for (int d : dims) {
            s.append(s.length() == 0 ? "" : " x ").append(d);
        }
        return s.toString();
    }

    private static String hex(int v) {
        return String.format("%08x", v);
    }

    private static String describe(int magic) {
        if ((magic >>> 16) != 0) {
            return "not an IDX file";
        }
        int type = (magic >>> 8) & 0xff;
        String typeName = switch (type) {
            case 0x08 -> "unsigned byte";
            case 0x09 -> "signed byte";
            case 0x0B -> "short";
            case 0x0C -> "int";
            case 0x0D -> "float";
            case 0x0E -> "double";
            default -> "unknown type 0x" + Integer.toHexString(type);
        };
        return typeName + ", " + (magic & 0xff) + " dimensions";
    }
}
