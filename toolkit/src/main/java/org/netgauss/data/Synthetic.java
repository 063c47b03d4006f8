package org.netgauss.data;

import java.util.SplittableRandom;

/**
 * Small synthetic classification sets for fast tests of the training engine, where MNIST would be too slow.
 *
 * <pre>{@code
 * Dataset blobs = Synthetic.gaussianBlobs(600, 3, 2, 4.0, 42);   // 3 separable clouds in the plane
 * }</pre>
 */
public final class Synthetic {
    private Synthetic() {
    }

    /**
     * Gaussian blobs: {@code classes} centres {@code mu_k ~ N(0, separation^2 I)} in {@code features}
     * dimensions, and sample {@code i} with label {@code k = i mod classes} drawn from {@code N(mu_k, I)}.
     * Classes are balanced (their counts differ by at most one); larger {@code separation} makes them easier
     * to tell apart. Deterministic for a seed (one {@link SplittableRandom} drives centres then samples).
     *
     * @throws IllegalArgumentException on a non-positive size, fewer than 2 classes or a negative separation
     */
    public static Dataset gaussianBlobs(int samples, int classes, int features, double separation, long seed) {
        if (samples <= 0 || classes < 2 || features <= 0 || !(separation >= 0) || Double.isInfinite(separation)) {
            throw new IllegalArgumentException("gaussianBlobs needs samples > 0, classes >= 2, features > 0 and a"
                    + " finite separation >= 0, found samples " + samples + ", classes " + classes + ", features "
                    + features + ", separation " + separation);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] centres = new double[classes * features];
        for (int i = 0; i < centres.length; i++) {
            centres[i] = separation * gaussian(random);
        }
        float[] x = new float[Math.multiplyExact(samples, features)];
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            int k = i % classes;
            y[i] = k;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (float) (centres[k * features + j] + gaussian(random));
            }
        }
        return new Dataset("blobs-" + classes + "x" + features + "-seed" + seed, x, y, features, classes, false);
    }

    /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian on Java 17). */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1], so the log is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
