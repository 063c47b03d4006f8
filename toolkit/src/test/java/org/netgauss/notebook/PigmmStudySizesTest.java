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
    void withoutCommittedResultsTheStudyUsesLocalRuns() {
        PigmmStudyData d = PigmmStudyData.open(Profile.PAPER, Workspace.from(Map.of(), tmp, Profile.PAPER));
        PigmmStudy.Setting g = d.sizes().depthSettings().get(0);
        assertFalse(d.usesResults(g));
        assertFalse(d.isTrained(g));
        assertEquals(tmp.resolve("runs/paper/gaussian"), d.runDirectory(g));
    }
}
