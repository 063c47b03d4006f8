package org.netgauss.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.netgauss.study.PigmmStudy;

/**
 * How big the weight-Gaussianity study is in each profile. Every notebook of the study takes its sizes from here,
 * so notebook 01 trains exactly the runs that 02–04 open (and then only resume or read), and
 * {@code netgauss study} trains the same runs from the shell.
 *
 * <p><b>The width study's ensembles are smaller than the paper's in the paper profile.</b> Hirst &amp; Ramgoolam
 * train N = 1000 networks at every width n = 10, 40, 160, 640. The cost of one network grows like 784·n + n², so
 * N = 1000 at n = 640 alone is about 100 CPU-hours on a 2-core machine. The paper profile therefore keeps
 * N = 1000 at n = 10 and takes N = 250, 64, 16 at n = 40, 160, 640: roughly equal compute per width. The
 * 13-parameter fit pools the D² entries of every matrix over the irreps, so the fitted parameters and W₂² stay
 * precise at small N; the cubic/quartic deviations are measured in units of the ensemble SD and their noise floor
 * 1/√N grows to 0.25 at N = 16.
 *
 * @param members       ensemble size N of the depth study (paper: 1000)
 * @param epochs        epochs (paper: 50)
 * @param trainSamples  MNIST training images used (paper: all 60 000)
 * @param membersByWidth ensemble size N of the width study per hidden width n, in increasing n (see
 *                      {@link #widthMembers(int)} and {@link #widths()})
 * @param widthEpochs   epochs of the width study
 * @param testSamples   MNIST test images for the accuracy table
 */
public record PigmmStudySizes(int members, int epochs, int trainSamples, Map<Integer, Integer> membersByWidth,
                              int widthEpochs, int testSamples) {

    /** The seed of every run of the study. */
    public static final long SEED = 2510_05218L;

    /** The paper profile's width-study ensemble sizes: N = 1000, 250, 64, 16 at n = 10, 40, 160, 640. */
    public static final Map<Integer, Integer> PAPER_WIDTH_MEMBERS = inOrder(Map.of(10, 1000, 40, 250, 160, 64, 640, 16));

    public PigmmStudySizes {
        if (members < 2) {
            throw new IllegalArgumentException("an ensemble needs at least 2 members, found " + members
                    + " in the depth study");
        }
        for (Map.Entry<Integer, Integer> e : membersByWidth.entrySet()) {
            if (e.getKey() < 1) {
                throw new IllegalArgumentException("width study: widths must be >= 1, found " + e.getKey());
            }
            if (e.getValue() < 2) {
                throw new IllegalArgumentException("an ensemble needs at least 2 members, found " + e.getValue()
                        + " at width " + e.getKey());
            }
        }
        membersByWidth = inOrder(membersByWidth);
    }

    /** The sizes with the same width-study ensemble size {@code widthMembers} at every width in {@code widths}. */
    public PigmmStudySizes(int members, int epochs, int trainSamples, int widthMembers, int widthEpochs,
                           List<Integer> widths, int testSamples) {
        this(members, epochs, trainSamples, sameMembers(widths, widthMembers), widthEpochs, testSamples);
    }

    /** smoke: seconds; quick: minutes; paper: Hirst &amp; Ramgoolam's sizes, but fewer networks at the larger widths. */
    public static PigmmStudySizes of(Profile p) {
        return switch (p) {
            case SMOKE -> new PigmmStudySizes(16, 2, 2_000, 12, 1, List.of(10, 40), 1_000);
            case QUICK -> new PigmmStudySizes(64, 5, 10_000, 24, 2, List.of(10, 40, 160), 10_000);
            case PAPER -> new PigmmStudySizes(1000, 50, 60_000, PAPER_WIDTH_MEMBERS, 50, 10_000);
        };
    }

    /** The hidden widths n of the width study, increasing (paper: 10, 40, 160, 640). */
    public List<Integer> widths() {
        return List.copyOf(membersByWidth.keySet());
    }

    /**
     * The ensemble size N of the width study at hidden width {@code n}.
     *
     * @throws IllegalArgumentException if {@code n} is not one of {@link #widths()}
     */
    public int widthMembers(int n) {
        Integer m = membersByWidth.get(n);
        if (m == null) {
            throw new IllegalArgumentException("width " + n + " is not in this width study; its widths are " + widths());
        }
        return m;
    }

    /**
     * The width study's ensemble size when it is the same at every width.
     *
     * @deprecated the size depends on the width in the paper profile: use {@link #widthMembers(int)}
     * @throws IllegalStateException if the widths have different ensemble sizes
     */
    @Deprecated(forRemoval = true)
    public int widthMembers() {
        List<Integer> distinct = membersByWidth.values().stream().distinct().toList();
        if (distinct.size() != 1) {
            throw new IllegalStateException("the width study's ensemble size depends on the width " + membersByWidth
                    + "; use widthMembers(n)");
        }
        return distinct.get(0);
    }

    /** The four depth-study settings (Gaussian/uniform init, weight decay 0/0.01). */
    public List<PigmmStudy.Setting> depthSettings() {
        return PigmmStudy.depthSettings(members, epochs, SEED);
    }

    /** The width-study settings, one per width, each with its own ensemble size {@link #widthMembers(int)}. */
    public List<PigmmStudy.Setting> widthSettings() {
        List<PigmmStudy.Setting> out = new ArrayList<>();
        for (Map.Entry<Integer, Integer> e : membersByWidth.entrySet()) {
            out.add(PigmmStudy.width(e.getKey(), e.getValue(), widthEpochs, SEED));
        }
        return out;
    }

    /** Every setting of the study: the depth settings, then the width settings. */
    public List<PigmmStudy.Setting> settings() {
        List<PigmmStudy.Setting> out = new ArrayList<>(depthSettings());
        out.addAll(widthSettings());
        return out;
    }

    /**
     * The setting called {@code name} (such as {@code uniform-wd0.01} or {@code width-160}).
     *
     * @throws IllegalArgumentException naming the known settings if there is none of that name
     */
    public PigmmStudy.Setting setting(String name) {
        List<PigmmStudy.Setting> all = settings();
        for (PigmmStudy.Setting s : all) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown setting '" + name + "'; known: "
                + String.join(", ", all.stream().map(PigmmStudy.Setting::name).toList()));
    }

    private static Map<Integer, Integer> sameMembers(List<Integer> widths, int members) {
        Map<Integer, Integer> m = new LinkedHashMap<>();
        for (int n : widths) {
            if (m.put(n, members) != null) {
                throw new IllegalArgumentException("width study: width " + n + " is listed twice in " + widths);
            }
        }
        return m;
    }

    private static Map<Integer, Integer> inOrder(Map<Integer, Integer> m) {
        SortedMap<Integer, Integer> sorted = new TreeMap<>(m);
        return Collections.unmodifiableMap(new LinkedHashMap<>(sorted));
    }
}
