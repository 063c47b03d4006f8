package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.study.PigmmStudy;

class PigmmStudySizesTest {
    @TempDir
    Path tmp;

    @Test
    void paperProfileHasThePapersSizes() {
        // docs/spec/pigmm.md §1: N = 1000, 50 epochs, 60 000 images, widths 10, 40, 160, 640
        PigmmStudySizes p = PigmmStudySizes.of(Profile.PAPER);
        assertEquals(1000, p.members());
        assertEquals(50, p.epochs());
        assertEquals(60_000, p.trainSamples());
        assertEquals(List.of(10, 40, 160, 640), p.widths());
        assertEquals(List.of("width-10", "width-40", "width-160", "width-640"),
                p.widthSettings().stream().map(PigmmStudy.Setting::name).toList());
    }

    @Test
    void paperProfileTrainsFewerNetworksAtTheLargerWidths() {
        // N = 1000 at n = 10 as in the paper, then roughly equal compute per width (issue #6)
        PigmmStudySizes p = PigmmStudySizes.of(Profile.PAPER);
        assertEquals(1000, p.widthMembers(10));
        assertEquals(250, p.widthMembers(40));
        assertEquals(64, p.widthMembers(160));
        assertEquals(16, p.widthMembers(640));
        assertEquals(List.of(1000, 250, 64, 16),
                p.widthSettings().stream().map(s -> s.config().ensembleSize()).toList());
        assertEquals(50, p.widthSettings().get(3).config().epochs());
        assertEquals(List.of(784, 640, 640, 10), java.util.Arrays.stream(p.widthSettings().get(3).config().mlp().widths())
                .boxed().toList());
    }

    @Test
    void smokeAndQuickProfilesUseOneEnsembleSizeForAllWidths() {
        PigmmStudySizes smoke = PigmmStudySizes.of(Profile.SMOKE);
        assertEquals(List.of(10, 40), smoke.widths());
        assertEquals(List.of(12, 12), smoke.widthSettings().stream().map(s -> s.config().ensembleSize()).toList());
        assertEquals(1, smoke.widthSettings().get(0).config().epochs());
        assertEquals(16, smoke.members());
        assertEquals(2, smoke.epochs());
        PigmmStudySizes quick = PigmmStudySizes.of(Profile.QUICK);
        assertEquals(List.of(10, 40, 160), quick.widths());
        assertEquals(24, quick.widthMembers(160));
        assertEquals(64, quick.members());
    }

    @Test
    @SuppressWarnings("removal")
    void theOldSingleWidthEnsembleSizeOnlyAnswersWhenItIsOne() {
        assertEquals(12, PigmmStudySizes.of(Profile.SMOKE).widthMembers());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PigmmStudySizes.of(Profile.PAPER).widthMembers());
        assertTrue(e.getMessage().contains("widthMembers(n)"), e.getMessage());
    }

    @Test
    void aWidthOutsideTheStudyIsNamedWithTheKnownWidths() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PigmmStudySizes.of(Profile.SMOKE).widthMembers(640));
        assertEquals("width 640 is not in this width study; its widths are [10, 40]", e.getMessage());
    }

    @Test
    void widthsAreKeptInIncreasingOrder() {
        PigmmStudySizes s = new PigmmStudySizes(4, 1, 10, java.util.Map.of(160, 3, 10, 9, 40, 5), 1, 10);
        assertEquals(List.of(10, 40, 160), s.widths());
        assertEquals(List.of("width-10", "width-40", "width-160"),
                s.widthSettings().stream().map(PigmmStudy.Setting::name).toList());
    }

    @Test
    void settingsAreFoundByName() {
        PigmmStudySizes p = PigmmStudySizes.of(Profile.PAPER);
        assertEquals(List.of("gaussian", "gaussian-wd0.01", "uniform", "uniform-wd0.01", "width-10", "width-40",
                "width-160", "width-640"), p.settings().stream().map(PigmmStudy.Setting::name).toList());
        assertEquals(0.01, p.setting("uniform-wd0.01").weightDecay());
        assertEquals(64, p.setting("width-160").config().ensembleSize());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PigmmStudySizes.of(Profile.SMOKE).setting("width-640"));
        assertEquals("unknown setting 'width-640'; known: gaussian, gaussian-wd0.01, uniform, uniform-wd0.01, width-10,"
                + " width-40", e.getMessage());
    }

    @Test
    void everyProfileTrainsTheFourDepthSettingsWithTheSameSeed() {
        for (Profile pr : Profile.values()) {
            List<PigmmStudy.Setting> s = PigmmStudySizes.of(pr).depthSettings();
            assertEquals(4, s.size());
            assertEquals(PigmmStudySizes.SEED, s.get(3).config().seed());
        }
    }

    @Test
    void ensemblesNeedTwoMembers() {
        assertThrows(IllegalArgumentException.class, () -> new PigmmStudySizes(1, 1, 10, 2, 1, List.of(10), 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PigmmStudySizes(4, 1, 10, java.util.Map.of(10, 9, 640, 1), 1, 10));
        assertEquals("an ensemble needs at least 2 members, found 1 at width 640", e.getMessage());
    }

    @Test
    void inThePaperProfileCommittedResultsAreReadInsteadOfTraining() throws Exception {
        Path results = java.nio.file.Files.createDirectories(tmp.resolve("results/gaussian"));
        java.nio.file.Files.writeString(tmp.resolve("results/README.md"), "made by hand for this test");
        StringBuilder header = new StringBuilder("epoch,layer,D");
        StringBuilder row = new StringBuilder("0,W2,10");
        for (int k = 1; k <= 13; k++) {
            header.append(",f").append(k);
            row.append(",0");   // integers on purpose: the reader must still give double columns
        }
        java.nio.file.Files.writeString(results.resolve("pigmm.csv"), header + ",w2sq,logL_iid,logL_bipartite,logL_pigmm\n"
                + row + ",0.5,1,2,3\n");
        java.nio.file.Files.writeString(results.resolve("deviations.csv"),
                "epoch,layer,invariant,group,observed,wick,sd,deviation\n0,W2,I14,cubic low-node,1,1,1,0\n"
                        + "50,W2,I14,cubic low-node,1,2,1,1\n");
        Path nb = java.nio.file.Files.createDirectories(tmp.resolve("notebooks"));
        PigmmStudyData d = PigmmStudyData.open(Profile.PAPER, Runs.from(Map.of(), nb, Profile.PAPER));
        PigmmStudy.Setting g = d.sizes().depthSettings().get(0);
        assertEquals(true, d.usesResults(g));
        tech.tablesaw.api.Table t = d.pigmmTable(g);
        assertEquals(0.5, t.doubleColumn("w2sq").getDouble(0));
        assertEquals(0.0, t.doubleColumn("f3").getDouble(0));
        assertEquals(1, d.deviationTable(g, -1).rowCount(), "epoch -1 means the last epoch, 50 in the paper profile");
        // the quick profile ignores the folder
        assertFalse(PigmmStudyData.open(Profile.QUICK, Runs.from(Map.of(), nb, Profile.QUICK)).usesResults(g));
    }

    @Test
    void withoutCommittedResultsTheStudyUsesLocalRuns() {
        PigmmStudyData d = PigmmStudyData.open(Profile.PAPER, Runs.from(Map.of(), tmp, Profile.PAPER));
        PigmmStudy.Setting g = d.sizes().depthSettings().get(0);
        assertFalse(d.usesResults(g));
        assertFalse(d.isTrained(g));
        assertEquals(tmp.resolve("runs/paper/gaussian"), d.runDirectory(g));
    }
}
