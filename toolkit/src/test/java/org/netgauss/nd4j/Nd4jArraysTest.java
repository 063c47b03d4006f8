package org.netgauss.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Copies between INDArray and Java arrays: exact in every dtype, by logical index in every layout. */
class Nd4jArraysTest {
    /** Values that catch any rounding: subnormals, signed zero, extremes, and random bits. */
    static double[] awkwardDoubles(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL | (r.nextBoolean() ? Long.MIN_VALUE : 0));
        }
        x[0] = -0.0;
        x[1] = Double.MIN_VALUE;
        x[2] = Double.MAX_VALUE;
        x[3] = 0.1;
        return x;
    }

    static float[] awkwardFloats(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = Float.intBitsToFloat(r.nextInt() & 0x7f7fffff | (r.nextBoolean() ? Integer.MIN_VALUE : 0));
        }
        x[0] = -0.0f;
        x[1] = Float.MIN_VALUE;
        x[2] = Float.MAX_VALUE;
        x[3] = 0.1f;
        return x;
    }

    @Test
    void everyDtypeRoundTripsBitForBit() {
        double[] d = awkwardDoubles(60, 1);
        INDArray a = Nd4jArrays.create(d, 3, 4, 5);
        assertEquals(DataType.DOUBLE, a.dataType());
        assertArrayEquals(new long[] {3, 4, 5}, a.shape());
        assertEquals(d[(2 * 4 + 1) * 5 + 3], a.getDouble(2, 1, 3));
        assertArrayEquals(d, (double[]) Nd4jArrays.elements(a)); // assertArrayEquals on double[] compares bits

        float[] f = awkwardFloats(60, 2);
        INDArray b = Nd4jArrays.create(f, 5, 12);
        assertEquals(DataType.FLOAT, b.dataType());
        assertArrayEquals(f, (float[]) Nd4jArrays.elements(b));

        int[] i = {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE, 7};
        INDArray c = Nd4jArrays.create(i, 2, 3);
        assertEquals(DataType.INT, c.dataType());
        assertArrayEquals(new long[] {2, 3}, c.shape());
        assertArrayEquals(i, (int[]) Nd4jArrays.elements(c));

        long[] l = {Long.MIN_VALUE, -1, 0, 1L << 53 | 1, Long.MAX_VALUE, 7};
        INDArray e = Nd4jArrays.create(l, 3, 2);
        assertEquals(DataType.LONG, e.dataType());
        assertEquals(1L << 53 | 1, e.getLong(1, 1));
        assertArrayEquals(l, (long[]) Nd4jArrays.elements(e));
    }

    @Test
    void copiesShareNothingWithTheCallersData() {
        double[] d = {1, 2, 3, 4};
        INDArray a = Nd4jArrays.create(d, 2, 2);
        d[0] = 99;
        assertEquals(1.0, a.getDouble(0, 0));
        double[] out = (double[]) Nd4jArrays.elements(a);
        a.putScalar(new long[] {0, 1}, 42.0);
        assertEquals(2.0, out[1]);
        assertNotSame(out, Nd4jArrays.elements(a));
    }

    @Test
    void fortranOrderViewsAndPermutationsAreReadByLogicalIndex() {
        double[] d = awkwardDoubles(4 * 3 * 5, 3);
        INDArray c = Nd4jArrays.create(d, 4, 3, 5);
        INDArray f = c.dup('f');
        assertEquals('f', f.ordering());
        assertArrayEquals(d, (double[]) Nd4jArrays.elements(f));

        INDArray view = c.get(interval(1, 3), all(), interval(2, 5));
        assertTrue(view.isView());
        double[] v = (double[]) Nd4jArrays.elements(view);
        assertArrayEquals(new int[] {2, 3, 3}, Nd4jArrays.shape(view));
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertEquals(d[((n + 1) * 3 + i) * 5 + j + 2], v[(n * 3 + i) * 3 + j]);
                }
            }
        }

        // permute reports order 'c' with non-C strides: the copy must still follow the logical indices
        INDArray t = c.permute(0, 2, 1);
        double[] p = (double[]) Nd4jArrays.elements(t);
        for (int n = 0; n < 4; n++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(d[(n * 3 + i) * 5 + j], p[(n * 5 + j) * 3 + i]);
                }
            }
        }
    }

    @Test
    void emptyAndScalarShapes() {
        INDArray e = Nd4jArrays.create(new float[0], 2, 0, 3);
        assertArrayEquals(new int[] {2, 0, 3}, Nd4jArrays.shape(e));
        assertEquals(0, ((float[]) Nd4jArrays.elements(e)).length);
        assertEquals(0, ((long[]) Nd4jArrays.elements(Nd4jArrays.create(new long[0], 0))).length);
        INDArray s = Nd4j.scalar(2.5);
        assertArrayEquals(new int[0], Nd4jArrays.shape(s));
        assertArrayEquals(new double[] {2.5}, (double[]) Nd4jArrays.elements(s));
    }

    @Test
    void unsupportedDtypesAreRefusedInOneLine() {
        for (DataType t : new DataType[] {DataType.HALF, DataType.BFLOAT16, DataType.BOOL, DataType.BYTE,
                DataType.UBYTE, DataType.SHORT}) {
            INDArray a = Nd4j.create(t, 2, 3);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nd4jArrays.elements(a));
            assertEquals("expected an INDArray of float32, float64, int32 or int64, found dtype " + t
                    + " [2, 3]; convert with a.castTo(DataType.DOUBLE)", e.getMessage());
        }
    }

    @Test
    void shapeAndLengthMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nd4jArrays.create(new double[5], 2, 3));
        assertEquals("shape [2, 3] needs 6 elements, found 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nd4jArrays.create(new double[0], -1, 0));
        assertEquals("negative extent in shape [-1, 0]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Nd4jArrays.create(new double[][] {{1, 2}, {3}}));
        assertEquals("row 1 has 1 columns, row 0 has 2", e.getMessage());
    }

    @Test
    void doublesWidensEveryDtypeExactly() {
        float[] f = awkwardFloats(10, 4);
        double[] w = Nd4jArrays.doubles(Nd4jArrays.create(f, 10));
        for (int i = 0; i < f.length; i++) {
            assertEquals((double) f[i], w[i]);
        }
        assertArrayEquals(new double[] {-3, 4}, Nd4jArrays.doubles(Nd4jArrays.create(new int[] {-3, 4}, 2)));
        assertArrayEquals(new double[] {-3, 1L << 52}, Nd4jArrays.doubles(Nd4jArrays.create(new long[] {-3, 1L << 52}, 2)));
    }
}
