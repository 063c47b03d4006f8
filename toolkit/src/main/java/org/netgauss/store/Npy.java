package org.netgauss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.netgauss.store.internal.AtomicFiles;

/**
 * Reads and writes NumPy {@code .npy} files (format versions 1.0 and 2.0, as specified in
 * {@code numpy/lib/format.py}): the magic {@code \x93NUMPY}, a version, a little-endian header length
 * (2 bytes in 1.0, 4 in 2.0), then an ASCII Python dict literal
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (E, out, in), }} padded with spaces to a multiple
 * of 64 bytes and ended by a newline, then the raw elements.
 *
 * <p>Supported: little-endian {@code <f4}, {@code <f8}, {@code <i4}, {@code <i8} in C order. Fortran order,
 * big-endian data and other dtypes are rejected with a message saying how to convert in NumPy. Reading goes
 * through a fixed 1 MiB buffer straight into the element array (no second copy of the file). Writing is
 * atomic (temporary file, then rename), and picks version 1.0 unless the header needs 2.0.
 *
 * <p>Interchange with PyTorch: {@code torch.from_numpy(np.load("W1.npy"))} gives the ensemble tensor
 * {@code [E, out, in]}; {@code np.save("W1.npy", t.detach().numpy().astype(np.float32))} goes the other way.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** NumPy's default {@code max_header_size}: {@code np.load} refuses longer headers as unsafe. */
    static final int MAX_HEADER_LENGTH = 10_000;
    private static final int CHUNK = 1 << 20;

    private Npy() {
    }

    /** The parsed header of a {@code .npy} file: dtype, shape and where the data start. */
    public record Header(DType dtype, int[] shape, long dataOffset) {
        public Header {
            shape = shape.clone();
        }

        @Override
        public int[] shape() { return shape.clone(); }

        /**
         * The number of elements.
         *
         * @throws ArithmeticException if the product of the shape overflows a long (a header read by {@link Npy}
         *                             never does: it is checked there)
         */
        public long size() {
            long n = 1;
            for (int s : shape) {
                n = Math.multiplyExact(n, s);
            }
            return n;
        }

        /** The file length this header implies. */
        public long expectedFileLength() {
            return Math.addExact(dataOffset, Math.multiplyExact(size(), dtype.bytes()));
        }

        @Override
        public String toString() {
            return "Header[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
        }
    }

    /** Writes float32 {@code data} of the given C-order shape to {@code path}, atomically. */
    public static void write(Path path, float[] data, int... shape) {
        checkShape(data.length, shape, path.toString());
        write(path, new NpyArray(DType.FLOAT32, shape, data));
    }

    /** Writes float64 {@code data} of the given C-order shape to {@code path}, atomically. */
    public static void write(Path path, double[] data, int... shape) {
        checkShape(data.length, shape, path.toString());
        write(path, new NpyArray(DType.FLOAT64, shape, data));
    }

    /** Writes int32 {@code data} of the given C-order shape to {@code path}, atomically. */
    public static void write(Path path, int[] data, int... shape) {
        checkShape(data.length, shape, path.toString());
        write(path, new NpyArray(DType.INT32, shape, data));
    }

    /** Writes int64 {@code data} of the given C-order shape to {@code path}, atomically. */
    public static void write(Path path, long[] data, int... shape) {
        checkShape(data.length, shape, path.toString());
        write(path, new NpyArray(DType.INT64, shape, data));
    }

    /** Writes an array to {@code path}, atomically. */
    public static void write(Path path, NpyArray array) {
        byte[] header = header(array.dtype(), array.shape());
        Object raw = array.raw();
        AtomicFiles.write(path, out -> {
            out.write(header);
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            int n = java.lang.reflect.Array.getLength(raw);
            int per = CHUNK / array.dtype().bytes();
            for (int from = 0; from < n; from += per) {
                int to = Math.min(n, from + per);
                buf.clear();
                switch (array.dtype()) {
                    case FLOAT32 -> buf.asFloatBuffer().put((float[]) raw, from, to - from);
                    case FLOAT64 -> buf.asDoubleBuffer().put((double[]) raw, from, to - from);
                    case INT32 -> buf.asIntBuffer().put((int[]) raw, from, to - from);
                    case INT64 -> buf.asLongBuffer().put((long[]) raw, from, to - from);
                }
                out.write(buf.array(), 0, (to - from) * array.dtype().bytes());
            }
        });
    }

    /**
     * Reads a {@code .npy} file.
     *
     * @throws IllegalArgumentException naming the file if it is not a .npy file, is truncated or has trailing
     *                                  bytes, is in Fortran order, big-endian, or of an unsupported dtype
     * @throws UncheckedIOException     naming the file if it is missing or cannot be read
     */
    public static NpyArray read(Path path) {
        try (FileChannel ch = open(path)) {
            Header h = readHeader(ch, path);
            checkLength(ch.size(), h, path);
            long n = h.size();
            if (n > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(path + ": " + n + " elements exceed a Java array; read it in slices"
                        + " with Npy.map");
            }
            int count = (int) n;
            long bytes = n * h.dtype().bytes();
            long heap = Runtime.getRuntime().maxMemory();
            if (bytes > heap) {
                throw tooLarge(path, h, bytes);
            }
            Object data;
            try {
                data = switch (h.dtype()) {
                    case FLOAT32 -> new float[count];
                    case FLOAT64 -> new double[count];
                    case INT32 -> new int[count];
                    case INT64 -> new long[count];
                };
            } catch (OutOfMemoryError e) {
                // nothing else was allocated yet: the failed array is all there is to give back
                throw tooLarge(path, h, bytes);
            }
            ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            int per = CHUNK / h.dtype().bytes();
            ch.position(h.dataOffset());
            for (int from = 0; from < count; from += per) {
                int len = Math.min(per, count - from);
                buf.clear().limit(len * h.dtype().bytes());
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) {
                        throw new IllegalArgumentException(path + ": file ended early (truncated .npy)");
                    }
                }
                buf.flip();
                switch (h.dtype()) {
                    case FLOAT32 -> buf.asFloatBuffer().get((float[]) data, from, len);
                    case FLOAT64 -> buf.asDoubleBuffer().get((double[]) data, from, len);
                    case INT32 -> buf.asIntBuffer().get((int[]) data, from, len);
                    case INT64 -> buf.asLongBuffer().get((long[]) data, from, len);
                }
            }
            return new NpyArray(h.dtype(), h.shape(), data);
        } catch (IOException e) {
            throw new UncheckedIOException(InputFiles.describe(path, e), e);
        }
    }

    private static IllegalArgumentException tooLarge(Path path, Header h, long bytes) {
        return new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                "%s: %s %s needs %.2f GiB, more than this JVM's heap holds (at most %.2f GiB); read it slice by slice"
                        + " with Npy.map, or raise the heap (NETGAUSS_JAVA_OPTS=-Xmx<size>)", path, h.dtype().descr(),
                Arrays.toString(h.shape()), bytes / (double) (1L << 30),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
    }

    /**
     * Opens {@code path} for reading slice by slice ({@link NpyFile}): only the header is read now, and each
     * later read maps just the members it asks for, so checkpoints larger than memory can be analysed.
     *
     * @throws IllegalArgumentException naming the file if its header is bad or its length does not match it
     */
    public static NpyFile map(Path path) {
        return new NpyFile(path, readHeader(path));
    }

    /**
     * Writes the concatenation along the first axis of {@code parts} (same dtype, same shape after the first
     * axis) to {@code target}, atomically, streaming their bytes: memory use does not grow with the arrays.
     *
     * @throws IllegalArgumentException naming the first part whose dtype or slice shape differs
     */
    public static Header concatenate(Path target, java.util.List<NpyFile> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(target + ": nothing to concatenate");
        }
        NpyFile first = parts.get(0);
        long total = 0;
        for (NpyFile p : parts) {
            if (p.dtype() != first.dtype() || !Arrays.equals(p.sliceShape(), first.sliceShape())) {
                throw new IllegalArgumentException(p.path() + ": " + p.dtype().descr() + " " + Arrays.toString(p.shape())
                        + " does not stack with " + first.path() + ": " + first.dtype().descr() + " "
                        + Arrays.toString(first.shape()) + " (same dtype and trailing shape needed)");
            }
            total += p.length();
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(target + ": " + total + " slices exceed the int range of a .npy dimension here");
        }
        int[] shape = first.shape();
        shape[0] = (int) total;
        byte[] h = header(first.dtype(), shape);
        AtomicFiles.write(target, out -> {
            out.write(h);
            for (NpyFile p : parts) {
                p.copyMembers(0, p.length(), out);
            }
        });
        return new Header(first.dtype(), shape, h.length);
    }

    /**
     * Reads and checks only the header, and that the file length matches it (so a truncated file is caught
     * without reading its data).
     */
    public static Header readHeader(Path path) {
        try (FileChannel ch = open(path)) {
            Header h = readHeader(ch, path);
            checkLength(ch.size(), h, path);
            return h;
        } catch (IOException e) {
            throw new UncheckedIOException(InputFiles.describe(path, e), e);
        }
    }

    /** Opens a regular file: a FIFO would block the open, a device never end (see {@link InputFiles}). */
    private static FileChannel open(Path path) throws IOException {
        InputFiles.requireRegularFile(path, "a .npy array");
        return FileChannel.open(path, StandardOpenOption.READ);
    }

    private static void checkLength(long actual, Header h, Path path) {
        long expected = h.expectedFileLength();
        if (actual < expected) {
            throw new IllegalArgumentException(path + ": truncated .npy, header " + h.dtype().descr() + " "
                    + Arrays.toString(h.shape()) + " needs " + expected + " bytes, file has " + actual
                    + "; the write was interrupted or the copy is incomplete");
        }
        if (actual > expected) {
            throw new IllegalArgumentException(path + ": " + (actual - expected) + " bytes after the data of "
                    + h.dtype().descr() + " " + Arrays.toString(h.shape()) + "; not a single .npy array (.npz or concatenated?)");
        }
    }

    private static Header readHeader(FileChannel ch, Path path) throws IOException {
        ByteBuffer pre = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        while (pre.hasRemaining() && ch.read(pre) >= 0) {
            // fill
        }
        pre.flip();
        if (pre.remaining() < 10) {
            throw new IllegalArgumentException(path + ": " + pre.remaining() + " bytes, too short for a .npy header (truncated?)");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (pre.get(i) != MAGIC[i]) {
                throw new IllegalArgumentException(path + ": not a .npy file (magic \\x93NUMPY missing)");
            }
        }
        int major = pre.get(6);
        int minor = pre.get(7);
        long headerLen;
        int preLen;
        if (major == 1) {
            headerLen = pre.getShort(8) & 0xFFFF;
            preLen = 10;
        } else if (major == 2 || major == 3) {
            if (pre.remaining() < 12) {
                throw new IllegalArgumentException(path + ": truncated .npy header");
            }
            headerLen = pre.getInt(8) & 0xFFFFFFFFL;
            preLen = 12;
        } else {
            throw new IllegalArgumentException(path + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if (minor != 0) {
            throw new IllegalArgumentException(path + ": .npy format version " + major + "." + minor
                    + " is not supported (1.0, 2.0 and 3.0 are)");
        }
        if (headerLen > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException(path + ": .npy header of " + headerLen + " bytes; NumPy refuses headers"
                    + " over " + MAX_HEADER_LENGTH + " bytes as unsafe, and so does netgauss");
        }
        ByteBuffer hb = ByteBuffer.allocate((int) headerLen);
        ch.position(preLen);
        while (hb.hasRemaining()) {
            if (ch.read(hb) < 0) {
                throw new IllegalArgumentException(path + ": truncated .npy header (" + headerLen + " bytes announced, "
                        + hb.position() + " present)");
            }
        }
        String dict = new String(hb.array(), major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        NpyHeaderParser.Dict parsed = NpyHeaderParser.parse(dict, path.toString());
        if (parsed.fortranOrder()) {
            throw new IllegalArgumentException(path + ": Fortran-order array; save it in C order "
                    + "(np.save(path, np.ascontiguousarray(arr)))");
        }
        DType dtype = DType.ofDescr(parsed.descr(), path.toString());
        long[] dims = parsed.shape();
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(path + ": dimension " + dims[i] + " of shape " + Arrays.toString(dims)
                        + " exceeds 2^31 - 1, more than netgauss can index");
            }
            shape[i] = (int) dims[i];
        }
        Header h = new Header(dtype, shape, preLen + headerLen);
        try {
            h.expectedFileLength();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(path + ": shape " + Arrays.toString(dims) + " of " + dtype.descr()
                    + " holds more than 2^63 bytes; the header is corrupt or forged", e);
        }
        return h;
    }

    static byte[] header(DType dtype, int[] shape) {
        StringBuilder sb = new StringBuilder("{'descr': '").append(dtype.descr())
                .append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            sb.append(shape[i]);
            if (shape.length == 1 || i < shape.length - 1) {
                sb.append(i < shape.length - 1 ? ", " : ",");
            }
        }
        sb.append("), }");
        int version = sb.length() + 1 + 10 <= 65535 ? 1 : 2;
        int preLen = version == 1 ? 10 : 12;
        int total = preLen + sb.length() + 1;
        int padded = (total + 63) / 64 * 64;
        sb.append(" ".repeat(padded - total)).append('\n');
        byte[] dict = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(preLen + dict.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) version).put((byte) 0);
        if (version == 1) {
            b.putShort((short) dict.length);
        } else {
            b.putInt(dict.length);
        }
        b.put(dict);
        return b.array();
    }

    static void checkShape(int length, int[] shape, String what) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(what + ": negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != length) {
            throw new IllegalArgumentException(what + ": shape " + Arrays.toString(shape) + " holds " + n
                    + " elements, data has " + length);
        }
    }
}
