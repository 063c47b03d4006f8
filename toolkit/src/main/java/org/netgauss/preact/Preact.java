package org.netgauss.preact;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.netgauss.progress.Progress;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Entry point of the pre-activation toolkit (Wolinski &amp; Arbel, "Gaussian pre-activations in neural
 * networks: myth or reality?", TMLR 2025; {@code docs/spec/gaussian-preact.md}). One notebook line per
 * task:
 * <pre>{@code
 * var phi   = Preact.phiPositive(3);                                  // phi^p_3, the authors' fit
 * var ks1   = Preact.oneLayerKs(phi);                                  // exact KS of W(3,1) phi(xi) vs N(0,1)
 * var deep  = Preact.propagate(Preact.init(phi), 5, 20, 10_000);       // per-layer Gaussianity, depth 20
 * deep.toTable();
 * var fig11 = Preact.twoLayerKs(List.of(Preact.init(phi), Preact.tanhInit()), 20_000);
 * var eoc   = Preact.edgeOfChaos(Preact.tanhInit()).fixedPoint();
 * }</pre>
 * Everything random takes an explicit seed; nothing here holds state.
 */
public final class Preact {
    private Preact() {
    }

    // ---- weight laws and activations (docs/spec/gaussian-preact.md §1.2-1.5) ----

    /** The symmetric Weibull W(theta, 1). */
    public static SymmetricWeibull weibull(double theta) {
        return new SymmetricWeibull(theta);
    }

    /** phi^o_theta, the authors' closed-form fit (theta in {2.05, 2.1, 2.2, 2.5, 3, ..., 10}). */
    public static PhiTheta phiOdd(double theta) {
        return PhiTheta.odd(theta);
    }

    /** phi^p_theta, the authors' closed-form fit (theta in {2.05, 2.5, 3, 4, 5, 7, 10}). */
    public static PhiTheta phiPositive(double theta) {
        return PhiTheta.positive(theta);
    }

    /**
     * phi_theta by inverse survival (step B) for any theta &gt; 2: the authors' density g when theta is
     * tabulated, otherwise a fresh fit of g (step A, a few seconds).
     */
    public static ExactPhiTheta phiExact(PhiTheta.Family family, double theta) {
        PhiDensity g = isTabulated(theta) ? PhiDensity.tabulated(theta) : PhiDensityFit.fit(theta).density();
        return family == PhiTheta.Family.ODD ? ExactPhiTheta.odd(g) : ExactPhiTheta.positive(g);
    }

    private static boolean isTabulated(double theta) {
        for (double t : PhiDensity.tabulatedThetas()) {
            if (t == theta) {
                return true;
            }
        }
        return false;
    }

    /** phi_2(x) = sqrt(2) sin(pi (Phi(x) - 1/2)), exact for W(2,1) weights. */
    public static ActivationFunction phi2() {
        return StandardActivations.phi2();
    }

    public static ActivationFunction relu() {
        return StandardActivations.relu();
    }

    public static ActivationFunction tanh() {
        return StandardActivations.tanh();
    }

    // ---- initialisations (docs/spec/gaussian-preact.md §3a) ----

    /** phi_theta with W(theta, 1) weights, sigma_w = 1, sigma_b = 0. */
    public static Initialisation init(PhiTheta phi) {
        return Initialisation.of(phi);
    }

    /** ReLU with N(0,1) weights, sigma_w = sqrt 2, sigma_b = 0. */
    public static Initialisation reluInit() {
        return Initialisation.relu();
    }

    /** tanh with N(0,1) weights, sigma_w^2 = 1.46, sigma_b^2 = 0.013 (the authors' values). */
    public static Initialisation tanhInit() {
        return Initialisation.tanh();
    }

    // ---- one layer, exactly (docs/spec/gaussian-preact.md §1.2, §4 item 4) ----

    /** The exact KS distance of W(theta,1) * phi_theta(xi) to N(0,1), by quadrature. */
    public static double oneLayerKs(PhiTheta phi) {
        return OneLayerLaw.of(phi).ksDistance();
    }

    // ---- propagation (docs/spec/gaussian-preact.md §3a) ----

    /** Depth x width network on the input x = 1, {@code networks} networks, seed 0. */
    public static PropagationResult propagate(Initialisation init, int width, int depth, int networks) {
        return Propagation.deep(init, width, depth, PropagationConfig.defaults().withNetworks(networks));
    }

    /** A given input through layers of the given widths. */
    public static PropagationResult propagate(Initialisation init, double[] input, int[] widths, PropagationConfig config) {
        return Propagation.run(init, input, widths, config);
    }

    /** The 2-layer KS experiment for the given curves, all three configurations, n = 1..10. */
    public static TwoLayerKsExperiment.Result twoLayerKs(List<Initialisation> curves, int networks) {
        return TwoLayerKsExperiment.run(curves, List.of(TwoLayerKsExperiment.Configuration.values()), 1, 10,
                PropagationConfig.defaults().withNetworks(networks));
    }

    /** Class-by-class correlation propagation (docs/spec/gaussian-preact.md §3b). */
    public static CorrelationResult correlations(Initialisation init, double[][] inputs, int[] labels, int[] widths,
            int initialisations, long seed) {
        return CorrelationPropagation.run(init, inputs, labels, widths,
                PropagationConfig.defaults().withNetworks(initialisations).withSeed(seed));
    }

    /**
     * Class-by-class correlation propagation of a class sample, e.g. 10 MNIST test images per class
     * (Figure 1 / Figure 14 of the paper; docs/spec/gaussian-preact.md §3b).
     */
    public static CorrelationResult correlations(Initialisation init, ClassSample sample, int[] widths,
            int initialisations, long seed) {
        return correlations(init, sample.inputs(), sample.labels(), widths, initialisations, seed);
    }

    /** {@code depth} layers of equal {@code width} on a given input, e.g. a standardised MNIST image. */
    public static PropagationResult propagate(Initialisation init, double[] input, int width, int depth,
            PropagationConfig config) {
        int[] w = new int[depth];
        java.util.Arrays.fill(w, width);
        return Propagation.run(init, input, w, config);
    }

    // ---- training (docs/spec/gaussian-preact.md §3c) ----

    /** tanh, ReLU and phi^p_3 trained on MNIST with the paper's protocol; size it with the {@code with...} copies. */
    public static TrainingComparison trainingComparison() {
        return TrainingComparison.defaults();
    }

    /** Per-sample Gaussianity statistics against N(0,1). */
    public static GaussianityStatistics gaussianity(double[] samples) {
        return GaussianityStatistics.of(samples);
    }

    // ---- edge of chaos (spec 2) ----

    /** Mean-field maps of an initialisation. */
    public static EdgeOfChaos edgeOfChaos(Initialisation init) {
        return EdgeOfChaos.of(init);
    }

    /** The EOC curve (sigma_b^2 -&gt; sigma_w^2, q*) of phi with weights of second moment m2. */
    public static List<EdgeOfChaos.EocPoint> eocCurve(ActivationFunction phi, double m2, double... sigmaB2) {
        return EdgeOfChaos.curve(phi, m2, sigmaB2);
    }

    /** The non-asymptotic EOC point of a phi_theta (q* = 1, chi_1 = 1). */
    public static EdgeOfChaos.NonAsymptoticEoc nonAsymptoticEoc(PhiTheta phi) {
        return EdgeOfChaos.nonAsymptotic(phi, phi.weightLaw());
    }

    /**
     * The same correlation propagation for several initialisations through {@code depth} layers of width
     * {@code width}, one long table (activation, layer, class_a, class_b, correlation), with a progress bar.
     */
    public static Table correlations(List<Initialisation> inits, ClassSample sample, int width, int depth,
            int initialisations, long seed) {
        if (inits.isEmpty()) {
            throw new IllegalArgumentException("no initialisations: nothing to propagate");
        }
        if (width < 1 || depth < 1) {
            throw new IllegalArgumentException("width and depth must be >= 1, found " + width + " and " + depth);
        }
        int[] widths = new int[depth];
        Arrays.fill(widths, width);
        Table all = null;
        try (Progress progress = Progress.start("correlation propagation", inits.size())) {
            for (Initialisation init : inits) {
                Table t = correlations(init, sample, widths, initialisations, seed).toTable();
                all = all == null ? t : all.append(t);
                progress.step();
            }
        }
        return all;
    }

    /**
     * The authors' one-layer KS distances of W(theta, 1) phi_theta(xi) to N(0, 1), recomputed from their stored
     * objects (docs/spec/gaussian-preact.md §4 item 4), by theta: {odd, positive}.
     */
    private static final Map<Double, double[]> AUTHORS_ONE_LAYER_KS = Map.of(
            2.05, new double[] {0.00238, 0.00396}, 2.5, new double[] {0.00238, 0.00355},
            3.0, new double[] {0.00420, 0.00394}, 4.0, new double[] {0.00689, 0.00438},
            5.0, new double[] {0.00825, 0.00447}, 7.0, new double[] {0.00960, 0.00468},
            10.0, new double[] {0.01059, 0.00484});

    /**
     * The exact one-layer KS distance ({@link #oneLayerKs}) of phi^o_theta and phi^p_theta for each theta, beside the
     * authors' values (docs/spec/gaussian-preact.md §4 item 4), for thetas of {@link PhiTheta#paperThetas()} (the
     * thetas the authors fitted phi_theta for; any other throws).
     */
    public static Table oneLayerKsTable(double... thetas) {
        if (thetas.length == 0) {
            throw new IllegalArgumentException("no theta given");
        }
        double[] ref0 = Arrays.stream(thetas).map(t -> AUTHORS_ONE_LAYER_KS.getOrDefault(t, new double[] {Double.NaN, Double.NaN})[0]).toArray();
        double[] ref1 = Arrays.stream(thetas).map(t -> AUTHORS_ONE_LAYER_KS.getOrDefault(t, new double[] {Double.NaN, Double.NaN})[1]).toArray();
        return Table.create("one-layer KS distance of W(theta,1) phi_theta(xi) to N(0,1)",
                DoubleColumn.create("theta", thetas.clone()),
                DoubleColumn.create("odd (ours)", Arrays.stream(thetas).map(t -> oneLayerKs(phiOdd(t))).toArray()),
                DoubleColumn.create("odd (authors)", ref0),
                DoubleColumn.create("positive (ours)", Arrays.stream(thetas).map(t -> oneLayerKs(phiPositive(t))).toArray()),
                DoubleColumn.create("positive (authors)", ref1));
    }

    /**
     * The non-asymptotic EOC point (q* = 1, chi_1 = 1) of phi^o_theta and phi^p_theta for each theta, one row
     * each: m2 E[phi^2], E[phi'^2], sigma_w^2, sigma_b^2 (negative: the point does not exist).
     */
    public static Table nonAsymptoticEocTable(double... thetas) {
        if (thetas.length == 0) {
            throw new IllegalArgumentException("no theta given");
        }
        List<EdgeOfChaos.NonAsymptoticEoc> rows = Arrays.stream(thetas).boxed()
                .flatMap(t -> java.util.stream.Stream.of(nonAsymptoticEoc(phiOdd(t)), nonAsymptoticEoc(phiPositive(t))))
                .toList();
        return Table.create("non-asymptotic EOC of phi_theta (q* = 1, chi_1 = 1)",
                StringColumn.create("activation", rows.stream().map(EdgeOfChaos.NonAsymptoticEoc::activation).toList()),
                DoubleColumn.create("m2 E[phi^2]", rows.stream().mapToDouble(EdgeOfChaos.NonAsymptoticEoc::m2EPhi2).toArray()),
                DoubleColumn.create("E[phi'^2]", rows.stream().mapToDouble(EdgeOfChaos.NonAsymptoticEoc::eDerivative2).toArray()),
                DoubleColumn.create("sigma_w^2", rows.stream().mapToDouble(EdgeOfChaos.NonAsymptoticEoc::sigmaW2).toArray()),
                DoubleColumn.create("sigma_b^2", rows.stream().mapToDouble(EdgeOfChaos.NonAsymptoticEoc::sigmaB2).toArray()));
    }
}
