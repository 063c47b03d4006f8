package org.netgauss.inpca;

import java.util.Arrays;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * An InPCA embedding (intensive principal component analysis; Quinn et al., PNAS 2019; Mao et al., PNAS
 * 2024; docs/spec/hyperribbon.md §1.3–1.6) of {@code m} models from their distance matrix D:
 *
 * <pre>
 *   W    = −½ J D J,  J = I − 1 ωᵀ             (double centring; ω = 1/m unless weighted, §1.6)
 *   W Ω  = V E V⁻¹,   Vᵀ Ω V = I               (Ω = I unweighted, diag(ω) weighted)
 *   x_ik = V_ik sqrt|e_k|,  s_k = sign(e_k)     (eigenpairs sorted by |e_k|, descending)
 *   D̂_ij(K) = Σ_{k≤K} s_k (x_ik − x_jk)²       (Minkowski reconstruction; exact with all components)
 * </pre>
 *
 * Negative eigenvalues are "time-like" directions of the pseudo-Euclidean embedding ({@code s_k = −1});
 * they are expected because the Bhattacharyya D is not Euclidean-embeddable. Eigenvalues below
 * {@code 1e-12 |e_1|} are "null" ({@code s_k = 0}, coordinate 0).
 *
 * @param eigenvalues          all {@code m} signed eigenvalues, sorted by magnitude (Mao convention: of W,
 *                             or of W Ω when weighted)
 * @param coordinates          {@code [m][K]} coordinates of the models on the first K directions
 * @param signature            {@code [m]} +1 space-like, −1 time-like, 0 null
 * @param frobeniusNormSquared {@code ‖W‖²_F} computed from W itself (the denominator of the explained stress)
 * @param eigenvectors         {@code [m][K]} the Ω-orthonormal eigenvectors behind the coordinates
 * @param columnMeans          {@code Σ_i ω_i D_ij}, for out-of-sample projection
 * @param grandMean            {@code ωᵀ D ω}
 * @param weights              the centring weights ω (sum 1)
 * @param weighted             whether Ω = diag(ω) (§1.6) rather than I
 * @param distances            the D that was embedded
 */
public record InpcaEmbedding(double[] eigenvalues, double[][] coordinates, int[] signature,
                             double frobeniusNormSquared, double[][] eigenvectors, double[] columnMeans,
                             double grandMean, double[] weights, boolean weighted, DistanceMatrix distances) {

    static final double NULL_EIGENVALUE = 1e-12;

    public InpcaEmbedding {
        eigenvalues = eigenvalues.clone();
        coordinates = deepCopy(coordinates);
        signature = signature.clone();
        eigenvectors = deepCopy(eigenvectors);
        columnMeans = columnMeans.clone();
        weights = weights.clone();
    }

    /**
     * Embeds {@code d} keeping coordinates on {@code components} directions; {@code weights == null} for the
     * ordinary InPCA, else per-point weights summing to 1 (docs/spec/hyperribbon.md §1.6).
     */
    static InpcaEmbedding compute(DistanceMatrix d, double[] weights, int components) {
        d.requireSquare("InPCA");
        int m = d.rows();
        if (m < 2) {
            throw new IllegalArgumentException("InPCA needs at least 2 models, found " + m);
        }
        if (components < 1 || components > m) {
            throw new IllegalArgumentException("components must be in [1, " + m + "] for " + m + " models, found "
                    + components);
        }
        double asym = d.asymmetry();
        if (asym > 1e-9) {
            throw new IllegalArgumentException("InPCA needs a symmetric distance matrix, found |D_ij − D_ji| up to "
                    + asym + "; symmetrise it with (D + Dᵀ)/2");
        }
        boolean weighted = weights != null;
        double[] w = new double[m];
        if (weighted) {
            if (weights.length != m) {
                throw new IllegalArgumentException("need one weight per model: " + m + " models, " + weights.length
                        + " weights");
            }
            double sum = 0;
            for (int i = 0; i < m; i++) {
                if (!(weights[i] > 0) || !Double.isFinite(weights[i])) {
                    throw new IllegalArgumentException("weight of model " + i + " is " + weights[i]
                            + "; weights must be positive and finite");
                }
                sum += weights[i];
            }
            if (Math.abs(sum - 1) > 1e-9) {
                throw new IllegalArgumentException("weights sum to " + sum + ", not 1; divide them by their sum");
            }
            w = weights.clone();
        } else {
            Arrays.fill(w, 1.0 / m);
        }
        double[] dv = d.values();
        double[] colMean = new double[m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                colMean[j] += w[i] * dv[i * m + j];
            }
        }
        double grand = 0;
        for (int j = 0; j < m; j++) {
            grand += w[j] * colMean[j];
        }
        // A = Ω^{1/2} W Ω^{1/2} (Ω = I unweighted): symmetric, same spectrum as W Ω
        double[][] a = new double[m][m];
        double frob = 0;
        for (int i = 0; i < m; i++) {
            double si = weighted ? Math.sqrt(w[i]) : 1;
            for (int j = 0; j < m; j++) {
                double sj = weighted ? Math.sqrt(w[j]) : 1;
                double wij = -0.5 * (dv[i * m + j] - colMean[i] - colMean[j] + grand);
                a[i][j] = si * wij * sj;
                frob += a[i][j] * a[i][j];
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(a, components);
        double[] e = eig.values;
        double emax = Math.abs(e[0]);
        int[] sig = new int[m];
        for (int k = 0; k < m; k++) {
            sig[k] = Math.abs(e[k]) <= NULL_EIGENVALUE * emax ? 0 : (e[k] > 0 ? 1 : -1);
        }
        double[][] v = eig.vectors;
        double[][] x = new double[m][components];
        for (int i = 0; i < m; i++) {
            double unscale = weighted ? 1 / Math.sqrt(w[i]) : 1;
            for (int k = 0; k < components; k++) {
                v[i][k] *= unscale;
                x[i][k] = sig[k] == 0 ? 0 : v[i][k] * Math.sqrt(Math.abs(e[k]));
            }
        }
        return new InpcaEmbedding(e, x, sig, frob, v, colMean, grand, w, weighted, d);
    }

    /** The coordinates as a float64 {@code INDArray} [models, components] (row i = model i), a copy. */
    public org.nd4j.linalg.api.ndarray.INDArray coordinatesINDArray() {
        return org.netgauss.nd4j.Nd4jArrays.create(coordinates);
    }

    /** The eigenvalues (sorted by magnitude, descending) as a float64 {@code INDArray} [models], a copy. */
    public org.nd4j.linalg.api.ndarray.INDArray eigenvaluesINDArray() {
        return org.netgauss.nd4j.Nd4jArrays.create(eigenvalues, eigenvalues.length);
    }

    private DistanceMatrix requireDistances() {
        if (distances == null) {
            throw new IllegalStateException("an embedding read from stored results holds no distance matrix: recompute with Inpca.embed");
        }
        return distances;
    }

    /** Number of models embedded. */
    public int size() { return coordinates.length; }

    /** Number of directions with coordinates. */
    public int components() { return coordinates[0].length; }

    /** Copy of the signed eigenvalues, sorted by magnitude. */
    @Override
    public double[] eigenvalues() { return eigenvalues.clone(); }

    @Override
    public double[][] coordinates() { return deepCopy(coordinates); }

    @Override
    public int[] signature() { return signature.clone(); }

    @Override
    public double[][] eigenvectors() { return deepCopy(eigenvectors); }

    @Override
    public double[] columnMeans() { return columnMeans.clone(); }

    @Override
    public double[] weights() { return weights.clone(); }

    /** Coordinate of model {@code i} on direction {@code k} (0-based). */
    public double coordinate(int i, int k) { return coordinates[i][k]; }

    /** Number of time-like (negative) directions among all m. */
    public int timeLikeCount() {
        return (int) Arrays.stream(signature).filter(s -> s < 0).count();
    }

    /**
     * Explained stress of the first K directions (docs/spec/hyperribbon.md §1.4):
     * {@code χ_K = 1 − sqrt(1 − Σ_{k≤K} e_k² / ‖W‖²_F)}, the argument of the root clipped at 0.
     */
    public double explainedStress(int k) {
        checkK(k, eigenvalues.length);
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += eigenvalues[i] * eigenvalues[i];
        }
        return 1 - Math.sqrt(Math.max(0, 1 - s / frobeniusNormSquared));
    }

    /** {@code χ_1 .. χ_m}. */
    public double[] explainedStress() {
        double[] out = new double[eigenvalues.length];
        double s = 0;
        for (int i = 0; i < out.length; i++) {
            s += eigenvalues[i] * eigenvalues[i];
            out[i] = 1 - Math.sqrt(Math.max(0, 1 - s / frobeniusNormSquared));
        }
        return out;
    }

    /** The Minkowski reconstruction {@code D̂_ij(K) = Σ_{k≤K} s_k (x_ik − x_jk)²}, K ≤ {@link #components()}. */
    public double[][] reconstruct(int k) {
        checkK(k, components());
        int m = size();
        double[][] out = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    double dx = coordinates[i][c] - coordinates[j][c];
                    s += signature[c] * dx * dx;
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }

    /** {@code max_ij |D̂_ij(K) − D_ij|} with K = {@link #components()}; ~1e-15 when all m are kept. */
    public double reconstructionError() {
        DistanceMatrix distances = requireDistances();
        double[][] r = reconstruct(components());
        double worst = 0;
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
                worst = Math.max(worst, Math.abs(r[i][j] - distances.get(i, j)));
            }
        }
        return worst;
    }

    /** Explained distance, Frobenius variant (docs/spec/hyperribbon.md §1.4 (a)): {@code 1 − ‖D − D̂(K)‖_F / ‖D‖_F}. */
    public double explainedDistanceFrobenius(int k) {
        DistanceMatrix distances = requireDistances();
        double[][] r = reconstruct(k);
        double num = 0;
        double den = 0;
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
                double dij = distances.get(i, j);
                num += (r[i][j] - dij) * (r[i][j] - dij);
                den += dij * dij;
            }
        }
        return 1 - Math.sqrt(num / den);
    }

    /** Explained distance, relative L1 variant (docs/spec/hyperribbon.md §1.4 (b)): {@code 1 − Σ|D̂(K) − D| / Σ D}. */
    public double explainedDistanceL1(int k) {
        DistanceMatrix distances = requireDistances();
        double[][] r = reconstruct(k);
        double num = 0;
        double den = 0;
        for (int i = 0; i < size(); i++) {
            for (int j = 0; j < size(); j++) {
                double dij = distances.get(i, j);
                num += Math.abs(r[i][j] - dij);
                den += dij;
            }
        }
        return 1 - num / den;
    }

    /**
     * Out-of-sample ("lazy") embedding of one new model from its distances {@code dq} to the m base models
     * (docs/spec/hyperribbon.md §1.5, the Gower/Nyström formula):
     * {@code x_qk = [−½ (d_q − ωᵀd_q − d̄ + ḡ)]ᵀ Ω V_k / (s_k sqrt|e_k|)}. Reproduces a base point's
     * coordinates when {@code dq} is its row of D.
     */
    public double[] project(double[] dq) {
        requireDistances();
        int m = size();
        if (dq.length != m) {
            throw new IllegalArgumentException("need the distances to all " + m + " base models, found " + dq.length);
        }
        double mean = 0;
        for (int j = 0; j < m; j++) {
            mean += weights[j] * dq[j];
        }
        double[] b = new double[m];
        for (int j = 0; j < m; j++) {
            b[j] = -0.5 * (dq[j] - mean - columnMeans[j] + grandMean) * (weighted ? weights[j] : 1);
        }
        double[] x = new double[components()];
        for (int k = 0; k < x.length; k++) {
            if (signature[k] == 0) {
                continue;
            }
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += b[j] * eigenvectors[j][k];
            }
            x[k] = s / (signature[k] * Math.sqrt(Math.abs(eigenvalues[k])));
        }
        return x;
    }

    /** Projects every row of a {@code queries × m} matrix, e.g. from {@link BhattacharyyaDistance#cross}. */
    public double[][] project(DistanceMatrix toBase) {
        double[][] out = new double[toBase.rows()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = project(toBase.row(i));
        }
        return out;
    }

    /**
     * The spectrum as a table: k, eigenvalue, signature ("space-like", "time-like", "null"), RMS width
     * {@code sqrt(|e_k| / m)}, ratio {@code |e_k / e_{k−1}|} and explained stress χ_k (first 50 rows).
     */
    public Table toTable() {
        int rows = Math.min(50, eigenvalues.length);
        double[] chi = explainedStress();
        IntColumn k = IntColumn.create("k");
        DoubleColumn e = DoubleColumn.create("eigenvalue");
        StringColumn s = StringColumn.create("signature");
        DoubleColumn width = DoubleColumn.create("rms width");
        DoubleColumn ratio = DoubleColumn.create("|e_k/e_k-1|");
        DoubleColumn stress = DoubleColumn.create("explained stress");
        for (int i = 0; i < rows; i++) {
            k.append(i + 1);
            e.append(eigenvalues[i]);
            s.append(signature[i] > 0 ? "space-like" : signature[i] < 0 ? "time-like" : "null");
            width.append(Math.sqrt(Math.abs(eigenvalues[i]) / size()));
            if (i == 0 || eigenvalues[i - 1] == 0) {
                ratio.appendMissing();
            } else {
                ratio.append(Math.abs(eigenvalues[i] / eigenvalues[i - 1]));
            }
            stress.append(chi[i]);
        }
        return Table.create("InPCA spectrum (" + size() + " models)", k, e, s, width, ratio, stress);
    }

    /** Coordinates as a table: one row per model, columns x1..xK named with their signature. */
    public Table coordinatesTable() {
        Table t = Table.create("InPCA coordinates", IntColumn.indexColumn("model", size(), 0));
        for (int c = 0; c < components(); c++) {
            double[] col = new double[size()];
            for (int i = 0; i < size(); i++) {
                col[i] = coordinates[i][c];
            }
            String tag = signature[c] > 0 ? "" : signature[c] < 0 ? " (time-like)" : " (null)";
            t.addColumns(DoubleColumn.create("x" + (c + 1) + tag, col));
        }
        return t;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("InpcaEmbedding[m=").append(size()).append(weighted ? ", weighted" : "")
                .append(", e=[");
        for (int i = 0; i < Math.min(5, eigenvalues.length); i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.6g", eigenvalues[i]));
        }
        sb.append(eigenvalues.length > 5 ? ", …]" : "]");
        sb.append(", χ_").append(Math.min(3, eigenvalues.length)).append('=')
                .append(String.format("%.4f", explainedStress(Math.min(3, eigenvalues.length))))
                .append(", time-like ").append(timeLikeCount()).append(']');
        return sb.toString();
    }

    private static void checkK(int k, int max) {
        if (k < 1 || k > max) {
            throw new IllegalArgumentException("K must be in [1, " + max + "], found " + k);
        }
    }

    private static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
