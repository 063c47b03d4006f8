package org.netgauss.study;

import org.netgauss.nn.Mlp;
import org.netgauss.nn.TrainingConfig;
import org.netgauss.nn.WeightInit;
import org.netgauss.nn.Optimizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The training settings of the weight-Gaussianity study (Hirst &amp; Ramgoolam 2025, arXiv 2510.05218; docs/spec/pigmm.md
 * §1): MLP 784 → 10 → 10 → 10 → 10 without biases, Adam 1e-3, batch 100, with Gaussian N(0, 1/fan_in) or
 * PyTorch-default uniform initialisation, with and without weight decay 0.01, and the width study
 * 784 → n → n → 10 with Gaussian initialisation.
 *
 * <pre>{@code
 * for (PigmmStudy.Setting s : PigmmStudy.depthSettings(100, 10, 0)) {
 *     Training.of(s.config()).run(train, runs.resolve(s.name()));
 * }
 * }</pre>
 */
public final class PigmmStudy {
    private PigmmStudy() {
    }

    /** The paper's weight decay for its "regularised" runs (coupled L2, as {@code torch.optim.Adam}). */
    public static final double WEIGHT_DECAY = 0.01;

    /** The widths n of the width study (docs/spec/pigmm.md §1, "width variation"). */
    public static final List<Integer> PAPER_WIDTHS = List.of(10, 40, 160, 640);

    /**
     * One named training setting.
     *
     * @param name   a directory-friendly name such as {@code gaussian-wd0.01}
     * @param init   {@code "gaussian"} or {@code "uniform"}
     * @param weightDecay the Adam weight decay
     * @param width  hidden width n
     * @param layers the square layers the PIGMM models: W2, W3, W4 (the paper's L1–L3) in the depth study, the
     *               single hidden-to-hidden W2 in the width study
     * @param config the full training config
     */
    public record Setting(String name, String init, double weightDecay, int width, List<String> layers,
                          TrainingConfig config) {
        public Setting {
            layers = List.copyOf(layers);
        }

        /**
         * Variance s² of one initial weight of a layer with this fan-in: 1/fan_in (Gaussian) or 1/(3 fan_in)
         * (PyTorch-default uniform, U(±1/√fan_in)).
         */
        public double initVariance(int fanIn) {
            return "gaussian".equals(init) ? 1.0 / fanIn : 1.0 / (3.0 * fanIn);
        }

        /** Fourth moment E w⁴ of one initial weight: 3/fan_in² (Gaussian) or 1/(5 fan_in²) (uniform). */
        public double initFourthMoment(int fanIn) {
            return "gaussian".equals(init) ? 3.0 / ((double) fanIn * fanIn) : 1.0 / (5.0 * fanIn * fanIn);
        }

        /** The names of the square layers the PIGMM models (same as {@link #layers()}). */
        public List<String> squareLayers() {
            return layers;
        }
    }

    /** The paper's architecture, 784 → 10 → 10 → 10 → 10 without biases. */
    public static Mlp paperMlp() {
        return Mlp.of(784, 10, 10, 10, 10).withBias(false);
    }

    /** A setting of the depth study (three 10 x 10 layers) for one initialisation and weight decay. */
    public static Setting depth(String init, double weightDecay, int members, int epochs, long seed) {
        return setting(paperMlp(), init, weightDecay, members, epochs, seed);
    }

    /** The four depth-study settings: {gaussian, uniform} x {no weight decay, 0.01}. */
    public static List<Setting> depthSettings(int members, int epochs, long seed) {
        List<Setting> out = new ArrayList<>();
        for (String init : List.of("gaussian", "uniform")) {
            for (double wd : new double[] {0, WEIGHT_DECAY}) {
                out.add(depth(init, wd, members, epochs, seed));
            }
        }
        return out;
    }

    /** A width-study setting: 784 → n → n → 10, Gaussian initialisation, no weight decay. */
    public static Setting width(int n, int members, int epochs, long seed) {
        Setting s = setting(Mlp.of(784, n, n, 10).withBias(false), "gaussian", 0, members, epochs, seed);
        return new Setting("width-" + n, s.init(), s.weightDecay(), n, List.of("W2"), s.config());
    }

    private static Setting setting(Mlp mlp, String init, double weightDecay, int members, int epochs, long seed) {
        WeightInit wi = switch (init) {
            case "gaussian" -> WeightInit.gaussian(1);
            case "uniform" -> WeightInit.torchDefault();
            default -> throw new IllegalArgumentException("init must be \"gaussian\" or \"uniform\", found \"" + init + "\"");
        };
        TrainingConfig c = TrainingConfig.defaults(mlp).withInit(wi)
                .withOptimizer(new Optimizer.Adam(1e-3, 0.9, 0.999, 1e-8, weightDecay))
                .withEnsembleSize(members).withEpochs(epochs).withSeed(seed);
        String name = init + (weightDecay == 0 ? "" : "-wd" + weightDecay);
        List<String> layers = new ArrayList<>();
        int[] w = mlp.widths();
        for (int l = 2; l < w.length; l++) {
            if (w[l] == w[l - 1]) {
                layers.add("W" + l);
            }
        }
        return new Setting(name, init, weightDecay, w[1], layers, c);
    }
}
