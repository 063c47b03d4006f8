package org.netgauss.pigmm;

import java.util.Locale;
import java.util.random.RandomGenerator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The Gaussian model of M x N matrices invariant under S_M on rows and S_N on columns independently (docs/spec/pigmm.md §6;
 * motivated in Hirst &amp; Ramgoolam 2025, Sec. 5). For a square hidden-to-hidden layer this is the bipartite
 * S_D x S_D model, the true neuron-permutation symmetry W → P_l W P_{l−1}ᵀ.
 *
 * <p>V_M ⊗ V_N = (V_0⊗V_0) ⊕ (V_H⊗V_0) ⊕ (V_0⊗V_H) ⊕ (V_H⊗V_H), each once, of dimensions 1, M−1, N−1, (M−1)(N−1),
 * with bases 1/√(MN), u_i/√N, w_j/√M, u_i w_j. Five parameters: the mean {@code mu} of S₀₀ = T/√(MN) and one
 * variance per block. The MLE (docs/spec/pigmm.md §6):
 * μ = ⟨T⟩/√(MN); σ²₀₀ = Var(T)/(MN) (biased); σ²_H0 = ⟨R·R − T²/M⟩/(N(M−1)); σ²_0H = ⟨C·C − T²/N⟩/(M(N−1));
 * σ²_HH = ⟨‖X‖² − R·R/N − C·C/M + T²/(MN)⟩/((M−1)(N−1)), with R the M row sums and C the N column sums.
 *
 * <p>Embedded in the 13-parameter PIGMM (square case, docs/spec/pigmm.md §6): f1 = μ, f3 = σ²₀₀, f6 = σ²_0H (column copy),
 * f9 = σ²_H0 (row copy), f5 = f11 = f12 = f13 = σ²_HH, and f2 = f4 = f7 = f8 = f10 = 0.
 */
public record RectangularModel(int rows, int cols, double mu, double var00, double varH0, double var0H,
                               double varHH) implements GaussianMatrixModel {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    public RectangularModel {
        if (rows < 2 || cols < 2) {
            throw new IllegalArgumentException("the S_M x S_N model needs M, N >= 2, found " + rows + " x " + cols);
        }
    }

    /** Per-matrix sufficient statistics (S₀₀, q_H0, q_0H, q_HH). */
    static double[] statistics(double[] x, int m, int n) {
        double[] r = new double[m];
        double[] c = new double[n];
        double norm = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = x[i * n + j];
                r[i] += v;
                c[j] += v;
                norm += v * v;
            }
        }
        double t = 0;
        double rr = 0;
        double cc = 0;
        for (double v : r) {
            t += v;
            rr += v * v;
        }
        for (double v : c) {
            cc += v * v;
        }
        double qH0 = (rr - t * t / m) / n;
        double q0H = (cc - t * t / n) / m;
        double qHH = norm - rr / n - cc / m + t * t / ((double) m * n);
        return new double[] {t / Math.sqrt((double) m * n), qH0, q0H, qHH};
    }

    /** Maximum-likelihood fit to an ensemble of M x N matrices (docs/spec/pigmm.md §6); needs M, N ≥ 2 and N_members ≥ 2. */
    public static RectangularModel fit(WeightEnsemble ensemble) {
        ensemble.requireSize("S_M x S_N Gaussian model", 2, 2, 2);
        int m = ensemble.rows();
        int n = ensemble.cols();
        int k = ensemble.members();
        double[] sum = new double[4];
        double[] s00 = new double[k];
        for (int a = 0; a < k; a++) {
            double[] s = statistics(ensemble.member(a), m, n);
            s00[a] = s[0];
            for (int b = 0; b < 4; b++) {
                sum[b] += s[b];
            }
        }
        double mu = sum[0] / k;
        double var = 0;
        for (double s : s00) {
            var += (s - mu) * (s - mu);
        }
        return new RectangularModel(m, n, mu, var / k, sum[1] / k / (m - 1), sum[2] / k / (n - 1),
                sum[3] / k / ((double) (m - 1) * (n - 1)));
    }

    /** "bipartite S_D x S_D" for square members, else "S_M x S_N". */
    @Override
    public String name() {
        return rows == cols ? "bipartite S_D x S_D" : "S_M x S_N";
    }

    /** Number of free parameters, 5. */
    @Override
    public int parameterCount() {
        return 5;
    }

    /** Mean of every entry, μ/√(MN). */
    public double entryMean() {
        return mu / Math.sqrt((double) rows * cols);
    }

    /** Cov(X_ij, X_kl) = σ²₀₀/(MN) + σ²_H0 P_ik/N + σ²_0H P_jl/M + σ²_HH P_ik P_jl, with P = δ − 1/size. */
    public double covariance(int i, int j, int k, int l) {
        double pik = (i == k ? 1 : 0) - 1.0 / rows;
        double pjl = (j == l ? 1 : 0) - 1.0 / cols;
        return var00 / ((double) rows * cols) + varH0 * pik / cols + var0H * pjl / rows + varHH * pik * pjl;
    }

    /** The 13-parameter PIGMM this square model is a special case of (docs/spec/pigmm.md §6). */
    @Override
    public PigmmParameters toPigmmParameters() {
        if (rows != cols) {
            throw new IllegalStateException("only a square " + rows + " x " + cols
                    + " model embeds in the S_D-invariant PIGMM");
        }
        return new PigmmParameters(rows, mu, 0, var00, 0, varHH, var0H, 0, 0, varH0, 0, varHH, varHH, varHH);
    }

    /** One draw, row-major M x N; each block is an isotropic Gaussian projected onto its irrep. */
    @Override
    public double[] sample(RandomGenerator rng) {
        int m = rows;
        int n = cols;
        double[] x = new double[m * n];
        double s00 = mu + Math.sqrt(var00) * rng.nextGaussian();
        double[] u = centred(m, Math.sqrt(varH0), rng);
        double[] w = centred(n, Math.sqrt(var0H), rng);
        double[] g = new double[m * n];
        for (int p = 0; p < g.length; p++) {
            g[p] = Math.sqrt(varHH) * rng.nextGaussian();
        }
        doubleCentre(g, m, n);
        double base = s00 / Math.sqrt((double) m * n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                x[i * n + j] = base + u[i] / Math.sqrt(n) + w[j] / Math.sqrt(m) + g[i * n + j];
            }
        }
        return x;
    }

    private static double[] centred(int size, double sd, RandomGenerator rng) {
        double[] v = new double[size];
        double mean = 0;
        for (int i = 0; i < size; i++) {
            v[i] = sd * rng.nextGaussian();
            mean += v[i];
        }
        mean /= size;
        for (int i = 0; i < size; i++) {
            v[i] -= mean;
        }
        return v;
    }

    private static void doubleCentre(double[] g, int m, int n) {
        double[] r = new double[m];
        double[] c = new double[n];
        double t = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r[i] += g[i * n + j];
                c[j] += g[i * n + j];
                t += g[i * n + j];
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                g[i * n + j] += -r[i] / n - c[j] / m + t / ((double) m * n);
            }
        }
    }

    /** Log-density of one row-major M x N matrix; blocks are independent with the dimensions above. */
    @Override
    public double logLikelihood(double[] x) {
        if (x.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows + " x " + cols + " values, found " + x.length);
        }
        if (!(var00 > 0 && varH0 > 0 && var0H > 0 && varHH > 0)) {
            throw new IllegalStateException("degenerate model (a variance is 0) has no density: " + this);
        }
        double[] s = statistics(x, rows, cols);
        double d = s[0] - mu;
        double sum = d * d / var00 + LOG_2PI + Math.log(var00)
                + s[1] / varH0 + (rows - 1) * (LOG_2PI + Math.log(varH0))
                + s[2] / var0H + (cols - 1) * (LOG_2PI + Math.log(var0H))
                + s[3] / varHH + (double) (rows - 1) * (cols - 1) * (LOG_2PI + Math.log(varHH));
        return -0.5 * sum;
    }

    /**
     * W₂² = (μ−μ')² + (√σ²₀₀ − √σ²₀₀')² + (M−1)(√σ²_H0 − …)² + (N−1)(…)² + (M−1)(N−1)(…)² (docs/spec/pigmm.md §6, per block as
     * in §4).
     */
    public double wasserstein2Squared(RectangularModel o) {
        if (o.rows != rows || o.cols != cols) {
            throw new IllegalArgumentException("Wasserstein distance needs equal shapes, found " + rows + " x " + cols
                    + " and " + o.rows + " x " + o.cols);
        }
        return (mu - o.mu) * (mu - o.mu) + Wasserstein.scalarBlock(1, var00, o.var00)
                + Wasserstein.scalarBlock(rows - 1, varH0, o.varH0) + Wasserstein.scalarBlock(cols - 1, var0H, o.var0H)
                + Wasserstein.scalarBlock((double) (rows - 1) * (cols - 1), varHH, o.varHH);
    }

    /** W₂ = √(W₂²). */
    public double wasserstein2(RectangularModel o) {
        return Math.sqrt(wasserstein2Squared(o));
    }

    /** The five parameters as a table. */
    public Table toTable() {
        return Table.create("S_M x S_N Gaussian model (" + rows + " x " + cols + ")",
                StringColumn.create("parameter", "mu", "var00", "varH0", "var0H", "varHH"),
                DoubleColumn.create("value", mu, var00, varH0, var0H, varHH),
                StringColumn.create("meaning", "<T>/sqrt(MN)", "Var V0xV0", "Var VHxV0 (rows)", "Var V0xVH (columns)",
                        "Var VHxVH"));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "RectangularModel[%d x %d, mu=%.6g, var00=%.6g, varH0=%.6g, var0H=%.6g,"
                + " varHH=%.6g]", rows, cols, mu, var00, varH0, var0H, varHH);
    }
}
