package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    @Test
    void configRoundTripsThroughTheManifestForm() {
        TrainingConfig c = TrainingConfig.defaults(Mlp.of(784, 10, 10).withActivation(Activation.TANH).withLoss(Loss.MSE))
                .withInit(WeightInit.orthogonal(1.5)).withOptimizer(new Optimizer.Sgd(0.1, 0.9, 0, true, 1e-4))
                .withEnsembleSize(10).withMembers(3, 4).withScheduler(PlateauScheduler.wolinskiArbel())
                .withEarlyStopping(EarlyStopping.wolinskiArbel()).withDataOrder(DataOrder.SHARED).withSeed(-5)
                .withCheckpointEvery(2);
        TrainingConfig back = Training.configFromJson(Training.configJson(c));
        assertEquals(Training.configJson(c), Training.configJson(back));
        assertEquals(c.mlp(), back.mlp());
        assertEquals(c.optimizer(), back.optimizer());
        assertEquals(c.scheduler(), back.scheduler());
    }

    @Test
    void customInitialisationCannotBeRebuiltFromItsName() {
        var json = Training.configJson(TrainingConfig.defaults(Mlp.of(4, 2))
                .withInit(WeightInit.fromSampler("weibull(k=2)", (r, fi, fo) -> 0)));
        var e = assertThrows(IllegalArgumentException.class, () -> Training.configFromJson(json));
        assertEquals(true, e.getMessage().contains("weibull(k=2)"), e.getMessage());
    }
}
