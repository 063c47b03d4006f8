package org.netgauss.notebook;

import java.util.ArrayList;
import java.util.List;
import org.netgauss.nn.PigmmStudy;

/**
 * How big the weight-Gaussianity study is in each profile. Every notebook of the study takes its sizes from here,
 * so notebook 01 trains exactly the runs that 02–04 open (and then only resume or read).
 *
 * @param members       ensemble size N of the depth study (paper: 1000)
 * @param epochs        epochs (paper: 50)
 * @param trainSamples  MNIST training images used (paper: all 60 000)
 * @param widthMembers  ensemble size of the width study
 * @param widthEpochs   epochs of the width study
 * @param widths        hidden widths n of the width study (paper: 10, 40, 160, 640)
 * @param testSamples   MNIST test images for the accuracy table
 */
public record PigmmStudySizes(int members, int epochs, int trainSamples, int widthMembers, int widthEpochs,
                              List<Integer> widths, int testSamples) {

    /** The seed of every run of the study. */
    public static final long SEED = 2510_05218L;

    public PigmmStudySizes {
        widths = List.copyOf(widths);
        if (members < 2 || widthMembers < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, found " + members + " and " + widthMembers);
        }
    }

    /** smoke: seconds; quick: minutes; paper: Hirst &amp; Ramgoolam's sizes. */
    public static PigmmStudySizes of(Profile p) {
        return switch (p) {
            case SMOKE -> new PigmmStudySizes(16, 2, 2_000, 12, 1, List.of(10, 40), 1_000);
            case QUICK -> new PigmmStudySizes(64, 5, 10_000, 24, 2, List.of(10, 40, 160), 10_000);
            case PAPER -> new PigmmStudySizes(1000, 50, 60_000, 1000, 50, PigmmStudy.PAPER_WIDTHS, 10_000);
        };
    }

    /** The four depth-study settings (Gaussian/uniform init, weight decay 0/0.01). */
    public List<PigmmStudy.Setting> depthSettings() {
        return PigmmStudy.depthSettings(members, epochs, SEED);
    }

    /** The width-study settings, one per width. */
    public List<PigmmStudy.Setting> widthSettings() {
        List<PigmmStudy.Setting> out = new ArrayList<>();
        for (int n : widths) {
            out.add(PigmmStudy.width(n, widthMembers, widthEpochs, SEED));
        }
        return out;
    }
}
