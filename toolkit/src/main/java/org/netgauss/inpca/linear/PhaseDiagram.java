package org.netgauss.inpca.linear;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Hyper-ribbon phase diagram of linear-regression GD trajectories over the three control parameters of
 * arXiv 2505.08915's abstract (docs/spec/hyperribbon.md §3.5): the input-spectrum decay, the output-to-initialisation scale
 * ratio {@code ρ = s* / s0}, and the number of steps T. Setting of the spec's tables: η = 0.5/λ_1, σ = 1,
 * s0 = 1, {@code w*_k = ρ} for every mode, expected (M → ∞) spectrum of {@link LinearModelTheory}.
 *
 * @param points     χ_2, χ_3 and the dimensions needed for χ >= 0.9, for every spectrum × ρ × T
 * @param boundaries the critical ρ* (χ_3 = 0.9) for every spectrum × T; a hyper-ribbon for ρ > ρ*
 */
public record PhaseDiagram(List<Point> points, List<Boundary> boundaries) {

    /** One cell of the diagram. */
    public record Point(String spectrum, double rho, int steps, double chi2, double chi3, int dimensions90) {}

    /** The phase boundary ρ* for one spectrum and number of steps (0: a ribbon for every ρ). */
    public record Boundary(String spectrum, int steps, double criticalRho) {}

    public PhaseDiagram {
        points = List.copyOf(points);
        boundaries = List.copyOf(boundaries);
    }

    /** The six spectra of the spec's tables: geometric c = 2, 1, 0.5, 0.1 and power law α = 2, 1 (λ_1 = 1). */
    public static Map<String, double[]> standardSpectra(int d) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (double c : new double[] {2, 1, 0.5, 0.1}) {
            m.put("geometric c=" + fmt(c), LinearGdModel.geometricSpectrum(d, 1, c));
        }
        for (double a : new double[] {2, 1}) {
            m.put("power α=" + fmt(a), LinearGdModel.powerLawSpectrum(d, 1, a));
        }
        return m;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** One cell: χ_2, χ_3 and dims for χ >= 0.9 of the expected spectrum. */
    public static Point point(double[] lambda, double rho, int steps) {
        return point("λ", lambda, rho, steps);
    }

    static Point point(String name, double[] lambda, double rho, int steps) {
        LinearGdModel model = new LinearGdModel(lambda, 0.5 / lambda[0], 1);
        double[] wStar = new double[lambda.length];
        Arrays.fill(wStar, rho);
        LinearSpectrum s = LinearModelTheory.expectedSpectrum(model, wStar, 1, steps);
        return new Point(name, rho, steps, s.explainedStress(2), s.explainedStress(Math.min(3, lambda.length)),
                s.dimensionsFor(0.9));
    }

    /** Ratios ρ = 10^-2 .. 10^2 with {@code perDecade} points per decade, ends included. */
    public static double[] ratios(int perDecade) {
        if (perDecade < 1) {
            throw new IllegalArgumentException("points per decade must be >= 1, found " + perDecade);
        }
        double[] r = new double[4 * perDecade + 1];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.pow(10, -2 + i / (double) perDecade);
        }
        return r;
    }

    /** The diagram over named spectra (iteration order kept), scale ratios and step counts. */
    public static PhaseDiagram compute(Map<String, double[]> spectra, double[] rhos, int[] steps) {
        List<Point> pts = new ArrayList<>();
        List<Boundary> bounds = new ArrayList<>();
        for (Map.Entry<String, double[]> e : spectra.entrySet()) {
            for (int t : steps) {
                for (double rho : rhos) {
                    pts.add(point(e.getKey(), e.getValue(), rho, t));
                }
                bounds.add(new Boundary(e.getKey(), t, LinearModelTheory.criticalScaleRatio(e.getValue(), t, 3, 0.9)));
            }
        }
        return new PhaseDiagram(pts, bounds);
    }

    /** The cells as a long table: spectrum, ρ, T, χ_2, χ_3, dims for χ >= 0.9. */
    public Table toTable() {
        StringColumn s = StringColumn.create("spectrum");
        DoubleColumn r = DoubleColumn.create("rho");
        IntColumn t = IntColumn.create("T");
        DoubleColumn c2 = DoubleColumn.create("chi2");
        DoubleColumn c3 = DoubleColumn.create("chi3");
        IntColumn dims = IntColumn.create("dims for chi>=0.9");
        for (Point p : points) {
            s.append(p.spectrum());
            r.append(p.rho());
            t.append(p.steps());
            c2.append(p.chi2());
            c3.append(p.chi3());
            dims.append(p.dimensions90());
        }
        return Table.create("hyper-ribbon phase diagram", s, r, t, c2, c3, dims);
    }

    /**
     * The critical ratios ρ* of docs/spec/hyperribbon.md §3.5 ("Phase-boundary oracle", d = 50, η = 0.5/λ_1,
     * s0 = 1) at T = 10, 100, 1000, per spectrum of {@link #standardSpectra}.
     */
    public static final Map<String, double[]> SPEC_CRITICAL_RHO_D50 = Map.of(
            "geometric c=2", new double[] {0, 0.49, 1.99}, "geometric c=1", new double[] {1.60, 2.17, 2.44},
            "geometric c=0.5", new double[] {2.69, 2.24, 2.20}, "geometric c=0.1", new double[] {2.49, 1.68, 1.43},
            "power α=2", new double[] {2.38, 2.88, 2.49}, "power α=1", new double[] {3.88, 2.07, 1.31});

    /** The phase boundaries as a table: spectrum, T, ρ*, and the spec's ρ* for d = 50 where it has one. */
    public Table boundaryTable() {
        StringColumn s = StringColumn.create("spectrum");
        IntColumn t = IntColumn.create("T");
        DoubleColumn r = DoubleColumn.create("critical rho");
        DoubleColumn spec = DoubleColumn.create("spec rho* (d = 50)");
        for (Boundary b : boundaries) {
            s.append(b.spectrum());
            t.append(b.steps());
            r.append(b.criticalRho());
            double[] ref = SPEC_CRITICAL_RHO_D50.get(b.spectrum());
            int col = b.steps() == 10 ? 0 : b.steps() == 100 ? 1 : b.steps() == 1000 ? 2 : -1;
            spec.append(ref == null || col < 0 ? Double.NaN : ref[col]);
        }
        return Table.create("hyper-ribbon phase boundary (chi3 = 0.9)", s, t, r, spec);
    }

    @Override
    public String toString() {
        return "PhaseDiagram[" + points.size() + " points, " + boundaries.size() + " boundaries]";
    }
}
