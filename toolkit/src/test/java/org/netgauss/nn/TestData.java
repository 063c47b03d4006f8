package org.netgauss.nn;

import org.netgauss.data.Dataset;

/** Small synthetic classification sets for the engine's tests. */
final class TestData {
    private TestData() {
    }

    /** Gaussian blobs: class c has mean 2 e_{c mod features}, unit noise; labels cycle through the classes. */
    static Dataset blobs(String name, int n, int features, int classes, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * features];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % classes;
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (float) (rng.nextGaussian() + (j % classes == y[i] ? 2.0 : 0.0));
            }
        }
        return new Dataset(name, x, y, features, classes);
    }
}
