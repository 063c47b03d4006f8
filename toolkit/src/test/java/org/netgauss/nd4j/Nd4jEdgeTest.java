package org.netgauss.nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.netgauss.data.Dataset;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.Predictions;
import org.netgauss.nn.Mlp;
import org.netgauss.nn.Training;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WeightEnsemble;
import org.netgauss.store.Checkpoint;
import org.netgauss.store.Npy;
import org.netgauss.store.NpyArray;
import org.netgauss.store.RunDir;

/** Every array-bearing type converts to and from INDArray, exactly, with the same refusals as the .npy road. */
class Nd4jEdgeTest {
    @TempDir
    Path dir;

    private static String refused(Supplier<?> s) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, s::get);
        assertEquals(-1, e.getMessage().indexOf('\n'), "one line: " + e.getMessage());
        return e.getMessage();
    }

    /** The same array refused from a .npy file and from an INDArray gives the same message after the file name. */
    private void sameRefusal(NpyArray bad, Supplier<?> fromIndArray, String expected) {
        Path p = dir.resolve("bad-" + System.nanoTime() + ".npy");
        Npy.write(p, bad);
        String fromFile = refused(() -> Pigmm.fit(WeightEnsemble.read(p)));
        String fromNd4j = refused(fromIndArray);
        // the file road names the file first for what it reads; the model's own checks are the same text either way
        assertTrue(fromFile.equals(p + ": " + fromNd4j) || fromFile.equals(fromNd4j), fromFile + " vs " + fromNd4j);
        assertTrue(fromNd4j.contains(expected), fromNd4j);
    }

    @Test
    void npyArrayRoundTripsInEveryDtypeAndEqualsNd4jsOwnNpyReader() {
        float[] f = Nd4jArraysTest.awkwardFloats(2 * 3 * 4, 5);
        double[] d = Nd4jArraysTest.awkwardDoubles(2 * 3 * 4, 6);
        for (NpyArray a : new NpyArray[] {NpyArray.of(f, 2, 3, 4), NpyArray.of(d, 4, 6),
                NpyArray.of(new int[] {1, -2, Integer.MAX_VALUE}, 3), NpyArray.of(new long[] {Long.MIN_VALUE, 5}, 1, 2)}) {
            INDArray x = a.toINDArray();
            assertEquals(a, NpyArray.of(x), a.toString());
            assertEquals(a, NpyArray.of(x.dup('f')), a + " from Fortran order");
            if (a.dtype().descr().startsWith("<f")) {
                Path p = dir.resolve("a.npy");
                Npy.write(p, a);
                assertEquals(a, NpyArray.of(Nd4j.createFromNpyFile(p.toFile())), a + " via Nd4j.createFromNpyFile");
            }
        }
    }

    @Test
    void weightEnsembleRoundTripsFloat32AndFloat64BitForBit() {
        INDArray w32 = Nd4j.randn(11L, new long[] {5, 4, 6}).castTo(DataType.FLOAT);
        WeightEnsemble e = WeightEnsemble.of(w32);
        assertEquals("WeightEnsemble[N=5, 4 x 6]", e.toString());
        assertEquals(w32.getFloat(3, 2, 5), (float) e.get(3, 2, 5)); // PyTorch orientation: [N, out, in]
        INDArray back = e.toINDArray();
        assertEquals(DataType.DOUBLE, back.dataType());
        assertArrayEquals((float[]) Nd4jArrays.elements(w32), (float[]) Nd4jArrays.elements(back.castTo(DataType.FLOAT)));

        double[] d = Nd4jArraysTest.awkwardDoubles(3 * 2 * 2, 7);
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.isFinite(d[i]) ? d[i] : 1; // awkward but finite: MAX_VALUE, subnormals, -0.0
        }
        WeightEnsemble e64 = WeightEnsemble.of(d, 3, 2, 2);
        assertArrayEquals(d, WeightEnsemble.of(e64.toINDArray()).toArray());
        assertArrayEquals(d, WeightEnsemble.of(e64.toINDArray().dup('f')).toArray());
    }

    @Test
    void aFitFromAnIndArrayEqualsTheFitFromTheSameNpyToTheBit() {
        for (DataType t : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            INDArray w = Nd4j.randn(42L, new long[] {60, 6, 6}).castTo(t).muli(0.3).addi(0.05);
            Path p = dir.resolve("W-" + t + ".npy");
            Npy.write(p, NpyArray.of(w));
            PigmmFit fromFile = Pigmm.fit(p);
            assertEquals(fromFile, Pigmm.fit(WeightEnsemble.of(w)), t.toString());
            assertEquals(fromFile, Pigmm.fit(WeightEnsemble.of(Nd4j.createFromNpyFile(p.toFile()))), t.toString());
            assertEquals(fromFile, Pigmm.fit(WeightEnsemble.of(w.dup('f'))), t + " Fortran order");
            // the parameters back as an INDArray, and from it
            PigmmParameters f = fromFile.parameters();
            INDArray fi = f.toINDArray();
            assertArrayEquals(new long[] {13}, fi.shape());
            assertEquals(f.f12(), fi.getDouble(11));
            assertEquals(f, PigmmParameters.of(6, fi));
        }
    }

    @Test
    void badEnsemblesAreRefusedWithTheMessagesOfTheNpyRoad() {
        sameRefusal(NpyArray.of(new double[36], 6, 6), () -> WeightEnsemble.of(Nd4j.create(DataType.DOUBLE, 6, 6)),
                "expected a rank-3 ensemble [N, rows, cols], found shape [6, 6]; a single matrix? use arr[None]");
        sameRefusal(NpyArray.of(new int[8], 2, 2, 2), () -> WeightEnsemble.of(Nd4j.create(DataType.INT, 2, 2, 2)),
                "expected float32 or float64 weights, found dtype <i4 [2, 2, 2]");
        double[] nan = new double[2 * 4 * 4];
        nan[21] = Double.NaN;
        sameRefusal(NpyArray.of(nan, 2, 4, 4), () -> WeightEnsemble.of(Nd4jArrays.create(nan, 2, 4, 4)),
                "member 1 entry (1, 1) is NaN");
        INDArray rect = Nd4j.randn(1L, new long[] {5, 4, 6});
        sameRefusal(NpyArray.of(rect), () -> Pigmm.fit(WeightEnsemble.of(rect)), "PIGMM needs square D x D members");
        INDArray one = Nd4j.randn(2L, new long[] {1, 5, 5});
        sameRefusal(NpyArray.of(one), () -> Pigmm.fit(WeightEnsemble.of(one)), "needs at least 2 ensemble members");
        assertEquals("expected an INDArray of float32, float64, int32 or int64, found dtype HALF [2, 4, 4]; convert"
                + " with a.castTo(DataType.DOUBLE)", refused(() -> WeightEnsemble.of(Nd4j.create(DataType.HALF, 2, 4, 4))));
    }

    @Test
    void datasetConvertsBothWaysWithIndexOrOneHotLabels() {
        Dataset d = org.netgauss.data.Synthetic.gaussianBlobs(30, 3, 5, 2.0, 9);
        INDArray x = d.featuresINDArray();
        assertArrayEquals(new long[] {30, 5}, x.shape());
        assertEquals(DataType.FLOAT, x.dataType());
        assertEquals(d.feature(17, 3), x.getFloat(17, 3));
        INDArray y = d.labelsINDArray();
        assertEquals(DataType.INT, y.dataType());
        INDArray hot = d.oneHotLabelsINDArray();
        assertEquals(1.0f, hot.getFloat(4, d.label(4)));
        assertEquals(1.0, hot.getRow(4).sumNumber().doubleValue());
        for (INDArray labels : new INDArray[] {y, y.castTo(DataType.LONG), hot, hot.castTo(DataType.DOUBLE)}) {
            Dataset back = Dataset.of("blobs", x, labels, 3);
            assertArrayEquals(d.features(), back.features());
            assertArrayEquals(d.labels(), back.labels());
            assertEquals(3, back.classCount());
        }
        Dataset t = Dataset.of("t", x.dup('f'), y, 3);
        assertArrayEquals(d.features(), t.features());
    }

    @Test
    void badDatasetsAreRefusedInOneLine() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 4, 3);
        INDArray y = Nd4jArrays.create(new int[] {0, 1, 2, 1}, 4);
        assertEquals("d: expected float32 features [n, featureCount], found DOUBLE [4, 3]; convert with"
                + " features.castTo(DataType.FLOAT)", refused(() -> Dataset.of("d", x.castTo(DataType.DOUBLE), y, 3)));
        assertEquals("d: expected float32 features [n, featureCount], found FLOAT [2, 2, 3]",
                refused(() -> Dataset.of("d", x.reshape(2, 2, 3), y, 3)));
        assertEquals("d: label 2 of sample 2 is outside [0, 2)", refused(() -> Dataset.of("d", x, y, 2)));
        assertEquals("d: label 5 of sample 1 is outside [0, 3)",
                refused(() -> Dataset.of("d", x, Nd4jArrays.create(new long[] {0, 5, 1, 1}, 4), 3)));
        assertEquals("d: 4 feature rows but 3 labels",
                refused(() -> Dataset.of("d", x, Nd4jArrays.create(new int[] {0, 1, 2}, 3), 3)));
        assertEquals("d: expected labels [n] of int32/int64 class indices or one-hot [n, 3], found FLOAT [4]",
                refused(() -> Dataset.of("d", x, y.castTo(DataType.FLOAT), 3)));
        float[] h = {1, 0, 0, 0, 1, 0, 0.5f, 0.5f, 0, 0, 0, 1};
        assertEquals("d: label row 2 is not one-hot (exactly one 1, the rest 0): [0.5, 0.5, 0.0]",
                refused(() -> Dataset.of("d", x, Nd4jArrays.create(h, 4, 3), 3)));
        float[] two = {1, 0, 0, 0, 1, 1, 0, 1, 0, 0, 0, 1};
        assertTrue(refused(() -> Dataset.of("d", x, Nd4jArrays.create(two, 4, 3), 3)).startsWith("d: label row 1 is"));
        INDArray nanX = x.dup();
        nanX.putScalar(new long[] {3, 1}, Float.NaN);
        assertEquals("d: feature 1 of sample 3 is NaN", refused(() -> Dataset.of("d", nanX, y, 3)));
    }

    @Test
    void predictionsKeepTheirDtypeAndAreCheckedLikeAnyOther() {
        INDArray logits = Nd4j.randn(3L, new long[] {4, 7, 3}).castTo(DataType.DOUBLE);
        INDArray p = org.nd4j.linalg.ops.transforms.Transforms.softmax(logits.reshape(28, 3)).reshape(4, 7, 3);
        for (INDArray a : new INDArray[] {p, p.castTo(DataType.FLOAT), p.dup('f')}) {
            Predictions q = Predictions.of(a);
            assertEquals(a.dataType() == DataType.FLOAT, q.isFloat32());
            assertEquals(a.getDouble(2, 5, 1), q.probability(2, 5, 1));
            assertEquals(NpyArray.of(a), NpyArray.of(q.toINDArray()), "bit for bit");
        }
        assertEquals("expected float32 or float64 predictions [T, S, C], found DOUBLE [28, 3]",
                refused(() -> Predictions.of(p.reshape(28, 3))));
        assertEquals("expected float32 or float64 predictions [T, S, C], found INT [2, 2, 2]",
                refused(() -> Predictions.of(Nd4j.create(DataType.INT, 2, 2, 2))));
        assertTrue(refused(() -> Predictions.of(logits)).contains("pass softmax outputs"));
        // InPCA of INDArray predictions gives its coordinates back as INDArrays
        InpcaEmbedding emb = Inpca.embed(Predictions.of(p));
        INDArray coords = emb.coordinatesINDArray();
        assertArrayEquals(new long[] {4, emb.components()}, coords.shape());
        assertArrayEquals(emb.coordinates()[2], coords.getRow(2).toDoubleVector());
        assertArrayEquals(emb.eigenvalues(), emb.eigenvaluesINDArray().toDoubleVector());
    }

    @Test
    void checkpointWeightsTravelAsIndArraysAndFitAsFromTheirFile() {
        Dataset train = org.netgauss.data.Synthetic.gaussianBlobs(200, 3, 8, 2.0, 4);
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(8, 6, 6, 3)).withEnsembleSize(12).withBatchSize(25)
                .withEpochs(1).withSeed(5);
        RunDir run = Training.of(c).withThreads(1).run(train, dir.resolve("run"));
        Checkpoint cp = run.checkpoint(1);
        INDArray w2 = cp.weights("W2").toINDArray();
        assertArrayEquals(new long[] {12, 6, 6}, w2.shape());
        assertEquals(cp.weights("W2"), NpyArray.of(w2));
        assertEquals(Pigmm.fit(cp.path("W2")), Pigmm.fit(WeightEnsemble.of(w2)));
        assertEquals(Pigmm.fit(cp.path("W2")), Pigmm.fit(WeightEnsemble.of(Nd4j.createFromNpyFile(cp.path("W2").toFile()))));
    }
}
