package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.netgauss.invariants.InitDrift;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.WassersteinBreakdown;
import org.netgauss.pigmm.WeightEnsemble;
import tech.tablesaw.api.Table;

/**
 * The study's records read from the committed paper-profile results ({@code results/}), checked against the raw CSV
 * columns they are built from and against second routes to the same numbers.
 */
class StudyRecordsTest {
    private static final PigmmStudyData STUDY = PigmmStudyData.open(Profile.PAPER,
            Runs.from(Map.of(), Path.of(""), Profile.PAPER));

    @Test
    void fitsHoldEveryEpochAndLayerOfTheCommittedTable() {
        PigmmStudy.Setting g = STUDY.setting("gaussian");
        Table raw = STUDY.pigmmTable(g);
        PigmmTrajectory fits = STUDY.fits(g);
        assertEquals(List.of("W2", "W3", "W4"), fits.layers());
        assertEquals(51, fits.epochs().size());
        assertEquals(raw.rowCount(), fits.fits().size());
        LayerFit last = fits.at(50, "W4");
        int row = raw.rowCount() - 1;
        assertEquals(raw.doubleColumn("f6").getDouble(row), last.parameters().f6());
        assertEquals(raw.doubleColumn("w2sq").getDouble(row), last.w2Squared());
        assertEquals(1000, last.members());
        assertEquals(last, fits.last("W4"));
    }

    @Test
    void irrepSplitAddsUpToTheCommittedDistance() {
        // two routes: W₂² as committed at fitting time, and the sum of the recomputed irrep terms
        for (LayerFit f : STUDY.fits(STUDY.setting("uniform-wd0.01")).fits()) {
            WassersteinBreakdown b = f.w2ByIrrep();
            assertEquals(f.w2Squared(), b.w2Squared(), 1e-12 * Math.max(1, f.w2Squared()), f.toString());
        }
        Table t = STUDY.fits(STUDY.setting("gaussian")).w2ByIrrep();
        assertEquals(List.of("setting", "epoch", "layer", "D", "mean", "V0", "VH", "V2", "V3", "W₂²", "W₂²/D²"), t.columnNames());
        for (int r = 0; r < t.rowCount(); r++) {
            double sum = 0;
            for (String c : List.of("mean", "V0", "VH", "V2", "V3")) {
                sum += t.doubleColumn(c).getDouble(r);
            }
            assertEquals(t.doubleColumn("W₂²").getDouble(r), sum, 1e-12);
        }
    }

    @Test
    void modelComparisonUsesTheCommittedLogLikelihoods() {
        PigmmStudy.Setting s = STUDY.setting("width-40");
        Table raw = STUDY.pigmmTable(s);
        LayerFit f = STUDY.fits(s).at(0, "W2");
        var c = f.models();
        assertEquals(4 - 2 * raw.doubleColumn("logL_iid").getDouble(0), c.row("IID").aic());
        assertEquals(26 - 2 * raw.doubleColumn("logL_pigmm").getDouble(0), c.row("PIGMM").aic());
        assertEquals(5 * Math.log(250) - 2 * raw.doubleColumn("logL_bipartite").getDouble(0),
                c.row("bipartite S_D x S_D").bic(), 1e-9);
        Table long_ = STUDY.fits(STUDY.depthSettings()).modelComparison();
        assertEquals(4 * 51 * 3 * 3, long_.rowCount(), "4 settings x 51 epochs x 3 layers x 3 models");
        Table best = STUDY.fits(s).bestModel();
        assertEquals(51, best.rowCount(), "the width study fits every epoch");
    }

    @Test
    void lqDriftFromTheFitEqualsTheDriftOfTheEnsemble() {
        // moment matching: the fitted model's ⟨I1..I13⟩ are the observed means, so both routes give the same drift
        WeightEnsemble e = PigmmParameters.of(8, 0.1, 0.05, 0.12, 0.01, 0.1, 0.13, 0.01, 0.0, 0.11, 0.0, 0.12, 0.125,
                0.13).sample(200, new SplittableRandom(3));
        PigmmFit fit = Pigmm.fit(e);
        double s2 = 1.0 / 8;
        LayerFit f = new LayerFit("test", 0, "W2", fit, s2, 3 * s2 * s2, Double.NaN, Double.NaN, Double.NaN);
        double[] direct = InitDrift.drift(e, s2, 3 * s2 * s2);
        double[] viaFit = f.lqDrift();
        for (int k = 0; k < 13; k++) {
            assertEquals(direct[k], viaFit[k], 1e-8 * Math.max(1, Math.abs(direct[k])), "I" + (k + 1));
        }
        Table t = STUDY.fits(STUDY.setting("gaussian")).lqDrift();
        assertEquals(16, t.columnCount());
        assertEquals(153, t.rowCount());
    }

    @Test
    void deviationsHoldTheCommittedValues() {
        PigmmStudy.Setting u = STUDY.setting("uniform");
        Table raw = STUDY.deviationTable(u, PigmmStudyData.allEpochs(u));
        DeviationTrajectory d = STUDY.deviations(u);
        assertEquals(51 * 3, d.layers().size());
        assertEquals(raw.rowCount(), d.toTable().rowCount());
        Table w4last = raw.where(raw.intColumn("epoch").isEqualTo(50).and(raw.stringColumn("layer").isEqualTo("W4"))
                .and(raw.stringColumn("invariant").isEqualTo("I45")));
        assertEquals(w4last.doubleColumn("deviation").getDouble(0), d.at(50, "W4").deviation("I45"), 1e-12);
        assertEquals(1 / Math.sqrt(1000), d.at(0, "W2").noiseFloor());
        Table change = d.normalisedChange(0, 50);
        assertEquals(39 * 3, change.rowCount());
        for (int r = 0; r < change.rowCount(); r++) {
            double a = change.doubleColumn("Δ start").getDouble(r);
            double b = change.doubleColumn("Δ end").getDouble(r);
            assertEquals((b - a) / (b + a), change.doubleColumn("change").getDouble(r), 1e-15);
        }
        Table g = d.groupSummary(50);
        assertEquals(12, g.rowCount(), "4 groups x 3 layers");
    }

    @Test
    void widthSettingsHaveFirstAndLastEpochOnly() {
        DeviationTrajectory d = STUDY.deviations(STUDY.setting("width-640"));
        assertEquals(List.of(0, 50), d.epochs());
        assertEquals(0.25, d.at(50, "W2").noiseFloor());
    }

    @Test
    void badQuestionsGetOneLineAnswers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> STUDY.setting("gausian"));
        assertTrue(e.getMessage().contains("gaussian-wd0.01"), e.getMessage());
        PigmmTrajectory both = STUDY.fits(STUDY.depthSettings());
        e = assertThrows(IllegalArgumentException.class, () -> both.at(50, "W2"));
        assertTrue(e.getMessage().contains("setting(name)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> both.setting("gaussian").at(51, "W2"));
        assertTrue(e.getMessage().contains("epochs 0..50"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> STUDY.deviations(STUDY.setting("gaussian")).groupSummary(7000));
    }

    @Test
    void chartViewsHoldTheRecordsValues() {
        PigmmTrajectory g = STUDY.fits(STUDY.setting("gaussian"));
        Table best = g.epoch(50).bestModel();
        assertEquals(3, best.rowCount());
        LayerFit w4 = g.at(50, "W4");
        assertEquals(w4.models().row("IID").aic() - w4.models().row("PIGMM").aic(),
                best.doubleColumn("AIC(IID) − AIC(PIGMM)").getDouble(2), 1e-9);
        Table split = g.layer("W2").w2ByIrrep();
        assertEquals(split.doubleColumn("W₂²").getDouble(7) / 100, split.doubleColumn("W₂²/D²").getDouble(7), 1e-15);

        DeviationTrajectory u = STUDY.deviations(STUDY.setting("uniform")).layer("W2").invariants("I29", "I45");
        Table v = u.vsEpoch();
        assertEquals(51 * 3, v.rowCount(), "two invariants and the noise floor per epoch");
        assertEquals(1 / Math.sqrt(1000), v.where(v.stringColumn("series").isEqualTo("1/√N (noise floor)"))
                .doubleColumn("Δ").getDouble(0));
        assertEquals(u.at(0, "W2").deviation("I45"), v.where(v.stringColumn("series").isEqualTo("I45"))
                .doubleColumn("Δ").getDouble(0));
        assertTrue(u.at(0, "W2").deviation("I45") > 4, "uniform init: Δ(I45) near D/2 = 5 at epoch 0");
    }

    @Test
    void settingsTableListsEverySetting() {
        Table t = STUDY.toTable();
        assertEquals(8, t.rowCount());
        assertEquals(1000, t.intColumn("networks N").getInt(0));
        assertEquals(16, t.intColumn("networks N").getInt(7));
    }

    @Test
    void byEpochViewsFeedTheChartsWithTheRecordsValues() {
        PigmmTrajectory g = STUDY.fits(STUDY.setting("gaussian"));
        var p = g.parametersByEpoch("W3");
        assertEquals(51, p.size());
        assertEquals(g.at(17, "W3").parameters(), p.get(17));
        assertEquals(g.at(50, "W4").w2Squared(), g.w2ByIrrepByEpoch("W4").get(50).w2Squared(), 1e-12);
        assertEquals(g.at(3, "W2").lqDrift()[6], g.lqDriftByEpoch("W2").get(3)[6]);
        var d = STUDY.deviations(STUDY.setting("gaussian")).byEpoch("W4");
        assertEquals(51, d.size());
        assertEquals(39, d.get(50).estimates().size());
        assertThrows(IllegalArgumentException.class, () -> STUDY.fits(STUDY.depthSettings()).parametersByEpoch("W2"));
        assertThrows(IllegalArgumentException.class, () -> g.parametersByEpoch("W9"));
    }
}
