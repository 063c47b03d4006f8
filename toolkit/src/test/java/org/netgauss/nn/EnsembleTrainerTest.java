package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.netgauss.data.Dataset;

class EnsembleTrainerTest {
    private static final Dataset TRAIN = TestData.blobs("train", 500, 12, 4, 1);
    private static final Dataset VAL = TestData.blobs("val", 200, 12, 4, 2);
    private static final Mlp MLP = Mlp.of(12, 8, 8, 4).withBias(false);

    private static TrainingConfig config(int e) {
        return TrainingConfig.defaults(MLP).withEnsembleSize(e).withBatchSize(32).withEpochs(3).withSeed(42);
    }

    private static EnsembleTrainer train(TrainingConfig cfg, int threads, int epochs) {
        EnsembleTrainer t = EnsembleTrainer.initialise(cfg, threads);
        for (int i = 0; i < epochs; i++) {
            t.trainEpoch(TRAIN, VAL);
        }
        return t;
    }

    @Test
    void sameSeedGivesSameWeights() {
        EnsembleTrainer a = train(config(3), 2, 2);
        EnsembleTrainer b = train(config(3), 2, 2);
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(a.weights(l), b.weights(l));
        }
        EnsembleTrainer c = train(config(3).withSeed(43), 2, 2);
        assertFalse(Arrays.equals(a.weights(1), c.weights(1)));
    }

    @Test
    void threadCountDoesNotChangeAnyBit() {
        EnsembleTrainer one = train(config(4), 1, 2);
        EnsembleTrainer two = train(config(4), 2, 2);
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(one.weights(l), two.weights(l));
        }
    }

    @Test
    void oneWideMemberSplitAcrossThreadsEqualsOneThreadAndThePlainKernels() {
        // 300 x 300 layers: every layer product is split by rows when there are more threads than members
        TrainingConfig cfg = TrainingConfig.defaults(Mlp.of(12, 300, 300, 4)).withEnsembleSize(1).withBatchSize(37)
                .withEpochs(1).withSeed(7);
        EnsembleTrainer one = EnsembleTrainer.initialise(cfg, 1);
        EnsembleTrainer three = EnsembleTrainer.initialise(cfg, 3);
        EnsembleTrainer plain = EnsembleTrainer.initialise(cfg, 3, org.netgauss.nn.internal.Kernels.plain());
        for (EnsembleTrainer t : new EnsembleTrainer[] {one, three, plain}) {
            t.trainEpoch(TRAIN, VAL);
        }
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(one.weights(l), three.weights(l), "W" + l);
            assertArrayEquals(one.weights(l), plain.weights(l), "W" + l + " plain kernels");
            assertArrayEquals(one.biases(l), three.biases(l), "b" + l);
        }
        assertFalse(Arrays.equals(one.weights(2), EnsembleTrainer.initialise(cfg, 1).weights(2)), "it trained");
        assertArrayEquals(one.evaluate(VAL)[0], three.evaluate(VAL)[0]);
    }

    @Test
    void vectorAndPlainKernelsTrainTheSameEnsembleBitForBit() {
        EnsembleTrainer vector = train(config(3), 2, 2);
        EnsembleTrainer plain = EnsembleTrainer.initialise(config(3), 2, org.netgauss.nn.internal.Kernels.plain());
        for (int i = 0; i < 2; i++) {
            plain.trainEpoch(TRAIN, VAL);
        }
        for (int l = 1; l <= 3; l++) {
            assertArrayEquals(vector.weights(l), plain.weights(l), "W" + l);
        }
    }

    @Test
    void shardOfMembersTwoToFourEqualsSameMembersOfFullRun() {
        EnsembleTrainer full = train(config(6), 2, 3);
        EnsembleTrainer shard = train(config(6).withMembers(2, 3), 2, 3);
        for (int l = 1; l <= 3; l++) {
            int per = MLP.fanOut(l) * MLP.fanIn(l);
            float[] expected = Arrays.copyOfRange(full.weights(l), 2 * per, 5 * per);
            assertArrayEquals(expected, shard.weights(l), "W" + l);
        }
    }

    @Test
    void membersAreInitialisedDifferentlyAndSeeDifferentDataOrders() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(2), 1);
        int per = 8 * 12;
        float[] w = t.weights(1);
        assertFalse(Arrays.equals(Arrays.copyOfRange(w, 0, per), Arrays.copyOfRange(w, per, 2 * per)));
        int[] o0 = Seeds.rng(42, 0, Seeds.Purpose.DATA_ORDER, 1).permutation(100);
        int[] o1 = Seeds.rng(42, 1, Seeds.Purpose.DATA_ORDER, 1).permutation(100);
        assertFalse(Arrays.equals(o0, o1));
    }

    @Test
    void ensembleLearnsSeparableBlobs() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(3).withOptimizer(Optimizer.adam(1e-2)), 2);
        EpochMetrics first = t.trainEpoch(TRAIN, VAL);
        EpochMetrics last = first;
        for (int i = 0; i < 9; i++) {
            last = t.trainEpoch(TRAIN, VAL);
        }
        assertTrue(last.meanTrainLoss() < first.meanTrainLoss(), last + " vs " + first);
        for (double acc : last.validationAccuracy()) {
            assertTrue(acc > 0.85, "validation accuracy " + acc);
        }
        assertEquals(10, t.epoch());
    }

    @Test
    void sharedDataOrderTrainsAndDiffersFromIndependent() {
        EnsembleTrainer a = train(config(2).withDataOrder(DataOrder.SHARED), 1, 1);
        EnsembleTrainer b = train(config(2), 1, 1);
        assertFalse(Arrays.equals(a.weights(1), b.weights(1)));
    }

    @Test
    void probabilitiesAreNormalisedPerSample() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(2), 1);
        float[] p = t.probabilities(VAL);
        assertEquals(2 * 200 * 4, p.length);
        for (int i = 0; i < 400; i++) {
            double s = 0;
            for (int c = 0; c < 4; c++) {
                s += p[i * 4 + c];
            }
            assertEquals(1.0, s, 1e-5);
        }
    }

    @Test
    void evaluationAgreesWithTorchStyleMeanLoss() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(1), 1);
        double[][] e = t.evaluate(VAL);
        float[] p = t.probabilities(VAL);
        double nll = 0;
        for (int i = 0; i < 200; i++) {
            nll -= Math.log(p[i * 4 + VAL.label(i)]);
        }
        assertEquals(nll / 200, e[0][0], 1e-5);
    }

    @Test
    void earlyStoppingFreezesAMember() {
        TrainingConfig cfg = config(2).withEarlyStopping(new EarlyStopping(1, 0.9));
        EnsembleTrainer t = EnsembleTrainer.initialise(cfg, 1);
        t.trainEpoch(TRAIN, VAL);
        t.trainEpoch(TRAIN, VAL); // cannot improve by 90 %: stops
        assertTrue(t.allStopped());
        float[] before = t.weights(1);
        EpochMetrics m = t.trainEpoch(TRAIN, VAL);
        assertArrayEquals(before, t.weights(1));
        assertTrue(m.stopped()[0]);
    }

    @Test
    void wrongFeatureCountIsRejectedWithAHint() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(1), 1);
        Dataset wrong = TestData.blobs("wrong", 10, 5, 4, 3);
        var e = assertThrows(IllegalArgumentException.class, () -> t.trainEpoch(wrong, null));
        assertTrue(e.getMessage().contains("5 features") && e.getMessage().contains("expects 12"), e.getMessage());
    }

    @Test
    void earlyStoppingWithoutValidationSetIsRejected() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(1).withEarlyStopping(EarlyStopping.wolinskiArbel()), 1);
        assertThrows(IllegalArgumentException.class, () -> t.trainEpoch(TRAIN, null));
    }

    @Test
    void divergenceIsReportedNamingTheMember() {
        EnsembleTrainer t = EnsembleTrainer.initialise(config(1).withOptimizer(Optimizer.sgd(1e30)), 1);
        var e = assertThrows(IllegalStateException.class, () -> t.trainEpoch(TRAIN, null));
        assertTrue(e.getMessage().contains("member 0"), e.getMessage());
    }
}
