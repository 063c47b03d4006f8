package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.netgauss.nn.Optimizer;
import org.junit.jupiter.api.Test;

class PigmmStudyTest {

    @Test
    void depthSettingsCoverBothInitsWithAndWithoutWeightDecay() {
        List<PigmmStudy.Setting> s = PigmmStudy.depthSettings(8, 2, 0);
        assertEquals(List.of("gaussian", "gaussian-wd0.01", "uniform", "uniform-wd0.01"),
                s.stream().map(PigmmStudy.Setting::name).toList());
        assertEquals(0.01, ((Optimizer.Adam) s.get(1).config().optimizer()).weightDecay());
        assertEquals("torch-default", s.get(2).config().init().name());
        assertEquals(8, s.get(0).config().ensembleSize());
    }

    @Test
    void paperArchitectureHasThreeSquareLayersAndTheWidthStudyOne() {
        assertEquals(List.of("W2", "W3", "W4"), PigmmStudy.depth("gaussian", 0, 2, 1, 0).squareLayers());
        PigmmStudy.Setting w = PigmmStudy.width(40, 2, 1, 0);
        assertEquals(List.of("W2"), w.squareLayers());
        assertEquals("width-40", w.name());
    }

    @Test
    void initMomentsFollowTheSpec() {
        // docs/spec/pigmm.md §1: gaussian s² = 1/D, E w⁴ = 3/D²; uniform s² = 1/(3D), E w⁴ = 1/(5D²)
        PigmmStudy.Setting g = PigmmStudy.depth("gaussian", 0, 2, 1, 0);
        PigmmStudy.Setting u = PigmmStudy.depth("uniform", 0, 2, 1, 0);
        assertEquals(0.1, g.initVariance(10), 1e-15);
        assertEquals(0.03, g.initFourthMoment(10), 1e-15);
        assertEquals(1.0 / 30, u.initVariance(10), 1e-15);
        assertEquals(0.002, u.initFourthMoment(10), 1e-15);
    }

    @Test
    void unknownInitIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> PigmmStudy.depth("orthogonal", 0, 2, 1, 0));
    }
}
