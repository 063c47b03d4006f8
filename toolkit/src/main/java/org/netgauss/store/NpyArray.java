package org.netgauss.store;

import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.netgauss.nd4j.Nd4jArrays;

/**
 * An n-dimensional array as held in a {@code .npy} file: a shape (C order, last index fastest), a {@link DType}
 * and the elements. Immutable: the element array is copied in and every accessor returns a copy, so an array
 * read once can be shared.
 *
 * <p>Typical use: {@code Npy.read(path).floats()} or, for an ensemble of weight matrices
 * {@code [E, out, in]}, {@code array.matrix(e)}.
 */
public final class NpyArray {
    private final int[] shape;
    private final DType dtype;
    private final Object data; // float[], double[], int[] or long[] matching dtype

    NpyArray(DType dtype, int[] shape, Object data) {
        this.dtype = dtype;
        this.shape = shape.clone();
        this.data = data;
    }

    /** A float32 array; {@code data} is copied. */
    public static NpyArray of(float[] data, int... shape) {
        Npy.checkShape(data.length, shape, "float32 data");
        return new NpyArray(DType.FLOAT32, shape, data.clone());
    }

    /** A float64 array; {@code data} is copied. */
    public static NpyArray of(double[] data, int... shape) {
        Npy.checkShape(data.length, shape, "float64 data");
        return new NpyArray(DType.FLOAT64, shape, data.clone());
    }

    /** An int32 array; {@code data} is copied. */
    public static NpyArray of(int[] data, int... shape) {
        Npy.checkShape(data.length, shape, "int32 data");
        return new NpyArray(DType.INT32, shape, data.clone());
    }

    /** An int64 array; {@code data} is copied. */
    public static NpyArray of(long[] data, int... shape) {
        Npy.checkShape(data.length, shape, "int64 data");
        return new NpyArray(DType.INT64, shape, data.clone());
    }

    /**
     * The array an ND4J {@code INDArray} holds, with its shape and dtype (float32, float64, int32, int64; others are
     * refused in one line), copied by its logical indices in C order whatever its layout ({@link Nd4jArrays}): for
     * example {@code NpyArray.of(Nd4j.createFromNpyFile(file))} equals {@code Npy.read(file)}.
     */
    public static NpyArray of(INDArray a) {
        int[] shape = Nd4jArrays.shape(a);
        Object e = Nd4jArrays.elements(a);
        DType t = e instanceof float[] ? DType.FLOAT32 : e instanceof double[] ? DType.FLOAT64
                : e instanceof int[] ? DType.INT32 : DType.INT64;
        return new NpyArray(t, shape, e);
    }

    /** A fresh C-order {@code INDArray} of this shape and dtype holding a copy of the elements, bit for bit. */
    public INDArray toINDArray() {
        return switch (dtype) {
            case FLOAT32 -> Nd4jArrays.create((float[]) data, shape);
            case FLOAT64 -> Nd4jArrays.create((double[]) data, shape);
            case INT32 -> Nd4jArrays.create((int[]) data, shape);
            case INT64 -> Nd4jArrays.create((long[]) data, shape);
        };
    }

    public DType dtype() { return dtype; }

    /** A copy of the shape. */
    public int[] shape() { return shape.clone(); }

    public int rank() { return shape.length; }

    /** The extent of dimension {@code d}. */
    public int dim(int d) { return shape[d]; }

    /** The number of elements, the product of the shape (1 for a scalar). */
    public long size() {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    /** The elements as float32, converted from any dtype (float64 is rounded, integers converted). */
    public float[] floats() {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data).clone();
            case FLOAT64 -> { double[] d = (double[]) data; float[] f = new float[d.length]; for (int i = 0; i < d.length; i++) f[i] = (float) d[i]; yield f; }
            case INT32 -> { int[] d = (int[]) data; float[] f = new float[d.length]; for (int i = 0; i < d.length; i++) f[i] = d[i]; yield f; }
            case INT64 -> { long[] d = (long[]) data; float[] f = new float[d.length]; for (int i = 0; i < d.length; i++) f[i] = d[i]; yield f; }
        };
    }

    /** The elements as float64 (exact for float32 and int32). */
    public double[] doubles() {
        return switch (dtype) {
            case FLOAT32 -> { float[] d = (float[]) data; double[] f = new double[d.length]; for (int i = 0; i < d.length; i++) f[i] = d[i]; yield f; }
            case FLOAT64 -> ((double[]) data).clone();
            case INT32 -> Arrays.stream((int[]) data).asDoubleStream().toArray();
            case INT64 -> { long[] d = (long[]) data; double[] f = new double[d.length]; for (int i = 0; i < d.length; i++) f[i] = d[i]; yield f; }
        };
    }

    /** The elements as int32; only for an int32 array. */
    public int[] ints() {
        requireType(DType.INT32);
        return ((int[]) data).clone();
    }

    /** The elements as int64; for int32 and int64 arrays. */
    public long[] longs() {
        if (dtype == DType.INT32) {
            return Arrays.stream((int[]) data).asLongStream().toArray();
        }
        requireType(DType.INT64);
        return ((long[]) data).clone();
    }

    /** Element at a flat (C-order) index, as a double. */
    public double getDouble(long flatIndex) {
        int i = Math.toIntExact(flatIndex);
        return switch (dtype) {
            case FLOAT32 -> ((float[]) data)[i];
            case FLOAT64 -> ((double[]) data)[i];
            case INT32 -> ((int[]) data)[i];
            case INT64 -> ((long[]) data)[i];
        };
    }

    /** Element at a multi-index, as a double. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index of rank " + index.length + " for an array of shape "
                    + Arrays.toString(shape));
        }
        long flat = 0;
        for (int d = 0; d < shape.length; d++) {
            flat = flat * shape[d] + java.util.Objects.checkIndex(index[d], shape[d]);
        }
        return getDouble(flat);
    }

    /**
     * Slice {@code e} of a rank-3 array {@code [E, rows, cols]} as a {@code rows x cols} double matrix, e.g. the
     * weight matrix of ensemble member {@code e} (row i = output neuron i, PyTorch orientation).
     */
    public double[][] matrix(int e) {
        if (shape.length != 3) {
            throw new IllegalStateException("matrix(e) needs a rank-3 array [E, rows, cols], this one has shape "
                    + Arrays.toString(shape));
        }
        java.util.Objects.checkIndex(e, shape[0]);
        int r = shape[1];
        int c = shape[2];
        double[][] m = new double[r][c];
        long base = (long) e * r * c;
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m[i][j] = getDouble(base + (long) i * c + j);
            }
        }
        return m;
    }

    /** The backing array without a copy, for {@link Npy} only. */
    Object raw() { return data; }

    private void requireType(DType t) {
        if (dtype != t) {
            throw new IllegalStateException("array has dtype " + dtype.descr() + ", not " + t.descr()
                    + "; use floats() or doubles() to convert");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof NpyArray other) || other.dtype != dtype || !Arrays.equals(other.shape, shape)) {
            return false;
        }
        return switch (dtype) {
            case FLOAT32 -> Arrays.equals((float[]) data, (float[]) other.data);
            case FLOAT64 -> Arrays.equals((double[]) data, (double[]) other.data);
            case INT32 -> Arrays.equals((int[]) data, (int[]) other.data);
            case INT64 -> Arrays.equals((long[]) data, (long[]) other.data);
        };
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + dtype.hashCode();
    }

    @Override
    public String toString() {
        return "NpyArray[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
    }
}
