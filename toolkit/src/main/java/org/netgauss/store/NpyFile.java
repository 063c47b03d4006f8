package org.netgauss.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A {@code .npy} file read one slice of its first axis at a time, for ensembles larger than memory: an
 * {@code [E, out, in]} checkpoint is read member by member ({@link #member}) or range by range
 * ({@link #members}), each read memory-mapping only that slice. Nothing is held open between reads, so a view
 * can sit in a notebook variable without leaking file handles.
 *
 * <pre>{@code
 * NpyFile w2 = Npy.map(run.checkpoint(50).path("W2"));     // header only
 * for (int e = 0; e < w2.length(); e++) { double[][] m = w2.matrix(e); ... }
 * }</pre>
 *
 * <p>The header and the file length are checked on {@link Npy#map}; the file is expected not to change
 * afterwards (run files are only ever replaced by an atomic rename, which leaves this view on the old file's
 * path but a reopened read sees the new one).
 */
public final class NpyFile {
    private static final int CHUNK = 1 << 20;
    private final Path path;
    private final Npy.Header header;
    private final long sliceElements;

    NpyFile(Path path, Npy.Header header) {
        this.path = path;
        this.header = header;
        int[] s = header.shape();
        if (s.length == 0) {
            throw new IllegalArgumentException(path + ": a scalar .npy has no first axis to slice; use Npy.read");
        }
        long n = 1;
        for (int i = 1; i < s.length; i++) {
            n *= s[i];
        }
        this.sliceElements = n;
    }

    public Path path() { return path; }

    public Npy.Header header() { return header; }

    public DType dtype() { return header.dtype(); }

    /** A copy of the whole shape. */
    public int[] shape() { return header.shape(); }

    /** Extent of the first axis: ensemble members E for a checkpoint array. */
    public int length() { return header.shape()[0]; }

    /** Shape of one slice (the shape without its first axis), e.g. {@code [out, in]}. */
    public int[] sliceShape() {
        int[] s = header.shape();
        return Arrays.copyOfRange(s, 1, s.length);
    }

    /** Bytes of one slice. */
    public long sliceBytes() { return sliceElements * header.dtype().bytes(); }

    /** Slice {@code e} of the first axis, e.g. member e's weights {@code [out, in]}. */
    public NpyArray member(int e) {
        NpyArray a = members(e, 1);
        return new NpyArray(a.dtype(), sliceShape(), a.raw());
    }

    /** Member {@code e}'s slice of a rank-3 array as an {@code out x in} double matrix (row i = output neuron i). */
    public double[][] matrix(int e) {
        if (header.shape().length != 3) {
            throw new IllegalStateException(path + ": matrix(e) needs a rank-3 array [E, rows, cols], this one has shape "
                    + Arrays.toString(header.shape()));
        }
        return members(e, 1).matrix(0);
    }

    /** Slices {@code [from, from + count)} of the first axis, shape {@code [count, ...]}. */
    public NpyArray members(int from, int count) {
        checkRange(from, count);
        long n = sliceElements * count;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(path + ": " + count + " slices of " + Arrays.toString(sliceShape())
                    + " exceed a Java array; read fewer at a time");
        }
        int len = (int) n;
        int[] shape = header.shape();
        shape[0] = count;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long offset = header.dataOffset() + from * sliceBytes();
            MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, offset, (long) len * header.dtype().bytes());
            ByteBuffer b = map.order(ByteOrder.LITTLE_ENDIAN);
            Object data = switch (header.dtype()) {
                case FLOAT32 -> { float[] d = new float[len]; b.asFloatBuffer().get(d); yield d; }
                case FLOAT64 -> { double[] d = new double[len]; b.asDoubleBuffer().get(d); yield d; }
                case INT32 -> { int[] d = new int[len]; b.asIntBuffer().get(d); yield d; }
                case INT64 -> { long[] d = new long[len]; b.asLongBuffer().get(d); yield d; }
            };
            return new NpyArray(header.dtype(), shape, data);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Copies the raw bytes of slices {@code [from, from + count)} to {@code out} through a fixed 1 MiB buffer:
     * concatenating the data of files along their first axis is concatenating these bytes (C order).
     */
    public void copyMembers(int from, int count, OutputStream out) throws IOException {
        checkRange(from, count);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long pos = header.dataOffset() + from * sliceBytes();
            long remaining = count * sliceBytes();
            ByteBuffer buf = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, remaining)));
            while (remaining > 0) {
                buf.clear().limit((int) Math.min(buf.capacity(), remaining));
                int r = ch.read(buf, pos);
                if (r < 0) {
                    throw new IllegalArgumentException(path + ": file ended early (truncated .npy)");
                }
                out.write(buf.array(), 0, r);
                pos += r;
                remaining -= r;
            }
        }
    }

    private void checkRange(int from, int count) {
        if (from < 0 || count < 0 || (long) from + count > length()) {
            throw new IndexOutOfBoundsException(path + ": slices " + from + ":" + ((long) from + count)
                    + " outside the first axis 0:" + length());
        }
    }

    @Override
    public String toString() {
        return "NpyFile[" + path + ", " + header.dtype().descr() + " " + Arrays.toString(header.shape()) + "]";
    }
}
