package org.netgauss.pigmm;

/** Deterministic matrices and brute-force index sums from docs/spec/pigmm.md §2.1 and §5.2, shared by the tests. */
final class Fixtures {
    private Fixtures() {
    }

    /** docs/spec/pigmm.md §5.2: A_ij = ((i² + 3j + 2ij + 1) mod 7) − 3 with 0-based i, j, D = 5. */
    static double[] matrixA() {
        double[] a = new double[25];
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
                a[i * 5 + j] = ((i * i + 3 * j + 2 * i * j + 1) % 7) - 3;
            }
        }
        return a;
    }

    /** docs/spec/pigmm.md §5.2: E_k(i,j) = ((((k+1)(i+1) + (j+1)² + k i j) mod 5) − 2, k = 0, 1, 2, D = 5. */
    static WeightEnsemble ensembleE() {
        double[] data = new double[75];
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 5; i++) {
                for (int j = 0; j < 5; j++) {
                    data[k * 25 + i * 5 + j] = (((k + 1) * (i + 1) + (j + 1) * (j + 1) + k * i * j) % 5) - 2;
                }
            }
        }
        return WeightEnsemble.of(data, 3, 5, 5);
    }

    /** I1..I13 by their index sums in docs/spec/pigmm.md §2.1, by brute force. */
    static double[] quadraticInvariants(double[] m, int d) {
        double[] r = new double[13];
        for (int i = 0; i < d; i++) {
            r[0] += m[i * d + i];
            r[10] += m[i * d + i] * m[i * d + i];
            for (int j = 0; j < d; j++) {
                double mij = m[i * d + j];
                r[1] += mij;
                r[2] += mij * mij;
                r[3] += mij * m[j * d + i];
                r[4] += m[i * d + i] * mij;
                r[5] += m[i * d + i] * m[j * d + i];
                r[11] += m[i * d + i] * m[j * d + j];
                for (int k = 0; k < d; k++) {
                    r[6] += mij * m[i * d + k];
                    r[7] += mij * m[k * d + j];
                    r[8] += mij * m[j * d + k];
                    r[12] += m[i * d + i] * m[j * d + k];
                }
            }
        }
        double t = r[1];
        r[9] = t * t;
        return r;
    }

    static double[] randomMatrix(int d, java.util.random.RandomGenerator rng) {
        double[] m = new double[d * d];
        for (int k = 0; k < m.length; k++) {
            m[k] = rng.nextGaussian() + 0.3 * (k % 3);
        }
        return m;
    }
}
