package org.netgauss.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.nn.PigmmStudy;

class PigmmStudySizesTest {
    @TempDir
    Path tmp;

    @Test
    void paperProfileHasThePapersSizes() {
        // spec pigmm.md §1: N = 1000, 50 epochs, 60 000 images, widths 10, 40, 160, 640
        PigmmStudySizes p = PigmmStudySizes.of(Profile.PAPER);
        assertEquals(1000, p.members());
        assertEquals(50, p.epochs());
        assertEquals(60_000, p.trainSamples());
        assertEquals(List.of(10, 40, 160, 640), p.widths());
        assertEquals(List.of("width-10", "width-40", "width-160", "width-640"),
                p.widthSettings().stream().map(PigmmStudy.Setting::name).toList());
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
        PigmmStudyData d = PigmmStudyData.open(Profile.PAPER, Workspace.from(Map.of(), nb, Profile.PAPER));
        PigmmStudy.Setting g = d.sizes().depthSettings().get(0);
        assertEquals(true, d.usesResults(g));
        tech.tablesaw.api.Table t = d.pigmm(g);
        assertEquals(0.5, t.doubleColumn("w2sq").getDouble(0));
        assertEquals(0.0, t.doubleColumn("f3").getDouble(0));
        assertEquals(1, d.deviations(g, -1).rowCount(), "epoch -1 means the last epoch, 50 in the paper profile");
        // the quick profile ignores the folder
        assertFalse(PigmmStudyData.open(Profile.QUICK, Workspace.from(Map.of(), nb, Profile.QUICK)).usesResults(g));
    }

    @Test
    void withoutCommittedResultsTheStudyUsesLocalRuns() {
        PigmmStudyData d = PigmmStudyData.open(Profile.PAPER, Workspace.from(Map.of(), tmp, Profile.PAPER));
        PigmmStudy.Setting g = d.sizes().depthSettings().get(0);
        assertFalse(d.usesResults(g));
        assertFalse(d.isTrained(g));
        assertEquals(tmp.resolve("runs/paper/gaussian"), d.runDirectory(g));
    }
}
