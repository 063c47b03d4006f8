package org.netgauss.nd4j;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Copies between ND4J's {@link INDArray} and row-major (C order) Java arrays, the one place that knows how.
 *
 * <p><b>Layout.</b> An {@code INDArray} is read by its logical indices, whatever its memory layout: a Fortran-order
 * array, a view ({@code a.get(interval(...))}), a permuted or transposed array all give the elements in C order of
 * their index, so element {@code (n, i, j)} is {@code a.getDouble(n, i, j)}. A C-order array that owns its buffer is
 * copied straight from it; anything else goes through {@code a.dup('c')} first (a second copy, never a change to
 * {@code a}). Arrays made here are always fresh C-order arrays that share nothing with the caller's data.
 *
 * <p><b>Dtype.</b> float32, float64, int32 and int64 map to {@code float[]}, {@code double[]}, {@code int[]} and
 * {@code long[]} unchanged, bit for bit. Other dtypes (half, bfloat16, bool, int8, strings, ...) are refused in one
 * line naming the dtype and shape, never rounded silently. A shape must fit Java arrays: every extent and the element
 * count at most {@code Integer.MAX_VALUE}.
 */
public final class Nd4jArrays {
    private Nd4jArrays() {
    }

    /** The shape of {@code a} as ints; a scalar has shape {@code []}. */
    public static int[] shape(INDArray a) {
        long[] s = a.shape();
        int[] out = new int[s.length];
        long count = 1;
        for (int d = 0; d < s.length; d++) {
            if (s[d] < 0 || s[d] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("INDArray of shape " + Arrays.toString(s) + " has an extent of "
                        + s[d] + "; Java arrays hold at most " + Integer.MAX_VALUE);
            }
            out[d] = (int) s[d];
            count *= s[d];
            if (count > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("INDArray of shape " + Arrays.toString(s) + " has more than "
                        + Integer.MAX_VALUE + " elements; split it (e.g. by member) before handing it to netgauss");
            }
        }
        return out;
    }

    /**
     * The elements of {@code a} in C order as {@code float[]}, {@code double[]}, {@code int[]} or {@code long[]}
     * for float32, float64, int32 and int64.
     *
     * @throws IllegalArgumentException for any other dtype, or a shape too large for a Java array
     */
    public static Object elements(INDArray a) {
        int[] shape = shape(a);
        DataType t = a.dataType();
        if (t != DataType.FLOAT && t != DataType.DOUBLE && t != DataType.INT && t != DataType.LONG) {
            throw new IllegalArgumentException("expected an INDArray of float32, float64, int32 or int64, found dtype "
                    + t + " " + Arrays.toString(shape) + "; convert with a.castTo(DataType.DOUBLE)");
        }
        if (a.isEmpty()) {
            return switch (t) {
                case FLOAT -> new float[0];
                case DOUBLE -> new double[0];
                case INT -> new int[0];
                default -> new long[0];
            };
        }
        INDArray c = isPlainCOrder(a, shape) ? a : a.dup('c');
        return switch (t) {
            case FLOAT -> c.data().asFloat();
            case DOUBLE -> c.data().asDouble();
            case INT -> c.data().asInt();
            default -> c.data().asLong();
        };
    }

    /**
     * The elements of {@code a} in C order widened to {@code double} (exact for float32, float64 and int32; int64
     * beyond 2^53 is rounded), for arrays of any of the four dtypes {@link #elements} accepts.
     */
    public static double[] doubles(INDArray a) {
        Object e = elements(a);
        if (e instanceof double[] d) {
            return d;
        }
        if (e instanceof float[] f) {
            double[] d = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                d[i] = f[i];
            }
            return d;
        }
        return e instanceof int[] i ? Arrays.stream(i).asDoubleStream().toArray()
                : Arrays.stream((long[]) e).asDoubleStream().toArray();
    }

    /** Whether {@code a}'s buffer holds exactly its elements in C order, so it can be read without a dup. */
    private static boolean isPlainCOrder(INDArray a, int[] shape) {
        if (a.isView() || a.offset() != 0 || a.data().length() != a.length() || a.ordering() != 'c') {
            return false;
        }
        // a permuted array reports order 'c' with strides that are not: compare with C strides, skipping extents 1
        long[] stride = a.stride();
        long expected = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= shape[d];
        }
        return true;
    }

    /** A fresh C-order float32 array of the given shape holding a copy of {@code data}. */
    public static INDArray create(float[] data, int... shape) {
        if (checkLength(data.length, shape) == 0) {
            return Nd4j.create(DataType.FLOAT, longs(shape));
        }
        return Nd4j.create(data.clone(), longs(shape), DataType.FLOAT);
    }

    /** A fresh C-order float64 array of the given shape holding a copy of {@code data}. */
    public static INDArray create(double[] data, int... shape) {
        if (checkLength(data.length, shape) == 0) {
            return Nd4j.create(DataType.DOUBLE, longs(shape));
        }
        return Nd4j.create(data.clone(), longs(shape), DataType.DOUBLE);
    }

    /** A fresh C-order int32 array of the given shape holding a copy of {@code data}. */
    public static INDArray create(int[] data, int... shape) {
        if (checkLength(data.length, shape) == 0) {
            return Nd4j.create(DataType.INT, longs(shape));
        }
        return Nd4j.createFromArray(data.clone()).reshape('c', longs(shape));
    }

    /** A fresh C-order int64 array of the given shape holding a copy of {@code data}. */
    public static INDArray create(long[] data, int... shape) {
        if (checkLength(data.length, shape) == 0) {
            return Nd4j.create(DataType.LONG, longs(shape));
        }
        return Nd4j.createFromArray(data.clone()).reshape('c', longs(shape));
    }

    /** A fresh C-order float64 matrix {@code [rows.length, cols]} from rows that must all have length cols. */
    public static INDArray create(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[Math.multiplyExact(rows.length, cols)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " columns, row 0 has " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return Nd4j.create(flat, new long[] {rows.length, cols}, DataType.DOUBLE);
    }

    private static long checkLength(int length, int[] shape) {
        long count = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative extent in shape " + Arrays.toString(shape));
            }
            count *= s;
        }
        if (count != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + count
                    + " elements, found " + length);
        }
        return count;
    }

    private static long[] longs(int[] shape) {
        return Arrays.stream(shape).asLongStream().toArray();
    }
}
