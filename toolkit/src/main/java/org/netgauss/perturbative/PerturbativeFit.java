package org.netgauss.perturbative;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.netgauss.invariants.Deviations;
import org.netgauss.invariants.InvariantGraph;
import org.netgauss.invariants.Invariants;
import org.netgauss.pigmm.PigmmParameters;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The first-order fit of cubic and quartic couplings on top of a fitted PIGMM, and its predictions
 * (docs/spec/perturbative.md §4.1, §4.2, §4.4, §4.6):
 * <ul>
 *   <li>renormalised: O_a^⊥ = O_a − ⟨O_a⟩₀ − Σ_k β_ak (I_k − ⟨I_k⟩₀) with β = (G⁻¹c)ᵀ, G_kl = C₀(I_k, I_l),
 *       c_ka = C₀(I_k, O_a); K = C₀(O^⊥, O^⊥) = C₀(O, O) − cᵀG⁻¹c;</li>
 *   <li>bare: O_a^⊥ replaced by O_a and K by K_A = C₀(O, O);</li>
 *   <li>ĝ = −K⁻¹δ with δ_a = Ō_a − ⟨O_a⟩₀ (eq. 2); Cov_null(ĝ) = K⁻¹/N; Cov_csv(ĝ) = K⁻¹ diag(SD²) K⁻¹/N;</li>
 *   <li>score 𝒮 = N δᵀK⁻¹δ (asymptotically χ²_|A| under the Gaussian null); ε = (ĝᵀKĝ)^{1/2};</li>
 *   <li>⟨F⟩₁ = ⟨F⟩₀ − Σ_a ĝ_a C₀(F, O_a^⊥), with SE √(c_Fᵀ Cov_null(ĝ) c_F).</li>
 * </ul>
 * G is equilibrated (rows and columns divided by √G_kk) before it is solved.
 */
public final class PerturbativeFit {
    private final GaussianCorrelator c0;
    private final PerturbingTerms terms;
    private final Scheme scheme;
    private final ObservedInvariants data;
    private final double[][] beta; // [a][k]
    private final double[][] k;
    private final double[][] kInverse;
    private final double[] delta;
    private final double[] g;
    private final double[][] covNull;
    private final double[][] covCsv;

    PerturbativeFit(PigmmParameters f, ObservedInvariants data, PerturbingTerms terms, Scheme scheme) {
        this.c0 = GaussianCorrelator.of(f);
        this.terms = terms;
        this.scheme = scheme;
        this.data = data;
        List<InvariantGraph> o = terms.terms();
        int a = o.size();
        List<InvariantGraph> q = Invariants.quadratic();
        double[][] kA = c0.connected(o, o);
        beta = new double[a][q.size()];
        if (scheme == Scheme.RENORMALISED) {
            double[][] c = c0.connected(q, o);
            double[][] x = solveEquilibrated(c0.connected(q, q), c);
            for (int i = 0; i < a; i++) {
                for (int kk = 0; kk < q.size(); kk++) {
                    beta[i][kk] = x[kk][i];
                }
            }
            k = new double[a][a];
            for (int i = 0; i < a; i++) {
                for (int j = 0; j < a; j++) {
                    double s = 0;
                    for (int kk = 0; kk < q.size(); kk++) {
                        s += c[kk][i] * x[kk][j];
                    }
                    k[i][j] = kA[i][j] - s;
                }
            }
        } else {
            k = kA;
        }
        RealMatrix km = MatrixUtils.createRealMatrix(k);
        LUDecomposition lu = new LUDecomposition(km, 0);
        if (!lu.getSolver().isNonSingular() || !positiveDiagonal(k, kA)) {
            throw new IllegalArgumentException("the terms " + terms.labels() + " have a singular Gaussian covariance"
                    + " K: a term is a combination of I1..I13 or of the other terms");
        }
        kInverse = lu.getSolver().getInverse().getData();
        delta = new double[a];
        double[] sd = new double[a];
        for (int i = 0; i < a; i++) {
            delta[i] = data.observed(o.get(i)) - c0.expectation(o.get(i));
            sd[i] = data.sd(o.get(i));
        }
        g = new double[a];
        covNull = new double[a][a];
        covCsv = new double[a][a];
        int n = data.members();
        for (int i = 0; i < a; i++) {
            for (int j = 0; j < a; j++) {
                g[i] -= kInverse[i][j] * delta[j];
                covNull[i][j] = kInverse[i][j] / n;
                double s = 0;
                for (int l = 0; l < a; l++) {
                    s += kInverse[i][l] * sd[l] * sd[l] * kInverse[l][j];
                }
                covCsv[i][j] = s / n;
            }
        }
    }

    /** K_aa &gt; 0 beyond rounding: the projection left something of each term. */
    private static boolean positiveDiagonal(double[][] k, double[][] kA) {
        for (int i = 0; i < k.length; i++) {
            if (!(k[i][i] > 1e-10 * kA[i][i])) {
                return false;
            }
        }
        return true;
    }

    /** X = G⁻¹ c with G equilibrated to unit diagonal first. */
    private static double[][] solveEquilibrated(double[][] gram, double[][] c) {
        int n = gram.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 1 / Math.sqrt(gram[i][i]);
        }
        double[][] ge = new double[n][n];
        double[][] ce = new double[n][c[0].length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ge[i][j] = s[i] * gram[i][j] * s[j];
            }
            for (int j = 0; j < c[0].length; j++) {
                ce[i][j] = s[i] * c[i][j];
            }
        }
        LUDecomposition lu = new LUDecomposition(MatrixUtils.createRealMatrix(ge), 0);
        if (!lu.getSolver().isNonSingular()) {
            throw new IllegalArgumentException("the Gaussian covariance G of I1..I13 is singular: is the PIGMM fit"
                    + " degenerate (a zero variance)?");
        }
        double[][] y = lu.getSolver().solve(MatrixUtils.createRealMatrix(ce)).getData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < y[i].length; j++) {
                y[i][j] *= s[i];
            }
        }
        return y;
    }

    /** The Gaussian fit f̂. */
    public PigmmParameters parameters() {
        return c0.parameters();
    }

    /** The correlator of the Gaussian fit (⟨F⟩₀, C₀). */
    public GaussianCorrelator correlator() {
        return c0;
    }

    /** The terms, in the order of the couplings. */
    public PerturbingTerms terms() {
        return terms;
    }

    /** The scheme. */
    public Scheme scheme() {
        return scheme;
    }

    /** The data the couplings were fitted to. */
    public ObservedInvariants data() {
        return data;
    }

    /** ĝ, in the order of the terms. */
    public double[] couplings() {
        return g.clone();
    }

    /** δ_a = Ō_a − ⟨O_a⟩₀. */
    public double[] excess() {
        return delta.clone();
    }

    /** K = C₀(O^⊥, O^⊥) (renormalised) or K_A = C₀(O, O) (bare). */
    public double[][] k() {
        return copy(k);
    }

    /** β_ak, the projection of O_a on I1..I13 (all zero in the bare scheme). */
    public double[][] projection() {
        return copy(beta);
    }

    /** Cov(ĝ) = K⁻¹/N (model-based, right under the Gaussian null). */
    public double[][] covarianceNull() {
        return copy(covNull);
    }

    /** Cov(ĝ) ≈ K⁻¹ diag(SD²) K⁻¹/N from the CSVs alone. */
    public double[][] covarianceCsv() {
        return copy(covCsv);
    }

    /** √diag(K⁻¹/N). */
    public double[] seNull() {
        return diagonalRoot(covNull);
    }

    /** √diag(K⁻¹ diag(SD²) K⁻¹/N). */
    public double[] seCsv() {
        return diagonalRoot(covCsv);
    }

    /** The correlation matrix of ĝ under the null covariance (docs/spec/perturbative.md §8, item 5). */
    public double[][] correlation() {
        double[] se = seNull();
        double[][] r = new double[g.length][g.length];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                r[i][j] = covNull[i][j] / (se[i] * se[j]);
            }
        }
        return r;
    }

    /** The score (Rao) statistic 𝒮 = N δᵀK⁻¹δ. */
    public double score() {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            s -= delta[i] * g[i];
        }
        return data.members() * s;
    }

    /** ε = (ĝᵀKĝ)^{1/2}, the SD of the log-density perturbation. */
    public double epsilon() {
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                s += g[i] * k[i][j] * g[j];
            }
        }
        return Math.sqrt(s);
    }

    /** The entries' γ₁, γ₂ and the validity diagnostics (these do not depend on the terms). */
    public EntryCumulants entryCumulants() {
        return EntryCumulants.of(parameters(), data);
    }

    /** C₀(F, O_a^⊥) (renormalised) or C₀(F, O_a) (bare), for each term a. */
    public double[] response(InvariantGraph f) {
        List<InvariantGraph> q = Invariants.quadratic();
        double[] r = new double[g.length];
        for (int a = 0; a < g.length; a++) {
            double s = c0.connected(f, terms.terms().get(a));
            if (scheme == Scheme.RENORMALISED) {
                for (int kk = 0; kk < q.size(); kk++) {
                    s -= c0.connected(f, q.get(kk)) * beta[a][kk];
                }
            }
            r[a] = s;
        }
        return r;
    }

    /** ⟨F⟩₁ = ⟨F⟩₀ − Σ_a ĝ_a C₀(F, O_a^⊥). */
    public double predict(InvariantGraph f) {
        double[] c = response(f);
        double v = c0.expectation(f);
        for (int a = 0; a < g.length; a++) {
            v -= g[a] * c[a];
        }
        return v;
    }

    /**
     * ⟨F⟩₁/⟨F⟩₀ − 1, how far first order moves an invariant; zero for I1..I13 in the renormalised scheme, the defect
     * of the bare one (docs/spec/perturbative.md §4.1).
     */
    public double relativeShift(InvariantGraph f) {
        return predict(f) / c0.expectation(f) - 1;
    }

    /** √(c_Fᵀ Cov_null(ĝ) c_F). */
    public double predictionSe(InvariantGraph f) {
        double[] c = response(f);
        double s = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                s += c[i] * covNull[i][j] * c[j];
            }
        }
        return Math.sqrt(s);
    }

    /** First-order predictions of every invariant of the data, next to Ō and ⟨F⟩₀. */
    public PerturbativePredictions predictions() {
        List<InvariantPrediction> out = new ArrayList<>();
        for (int i = 0; i < data.graphs().size(); i++) {
            InvariantGraph f = data.graphs().get(i);
            out.add(new InvariantPrediction(Invariants.label(f), Deviations.group(f), data.observed(f),
                    c0.expectation(f), predict(f), data.sd(f), predictionSe(f), terms.contains(f)));
        }
        return new PerturbativePredictions(out);
    }

    /** One row per term: term, g, se_null, se_csv. */
    public Table toTable() {
        return Table.create("first-order couplings, " + scheme.cliName() + " " + terms.name(),
                StringColumn.create("term", terms.labels()), DoubleColumn.create("g", g),
                DoubleColumn.create("se_null", seNull()), DoubleColumn.create("se_csv", seCsv()));
    }

    private static double[] diagonalRoot(double[][] m) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            r[i] = Math.sqrt(m[i][i]);
        }
        return r;
    }

    private static double[][] copy(double[][] m) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = m[i].clone();
        }
        return r;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("PerturbativeFit[").append(scheme.cliName()).append(' ')
                .append(terms.name()).append(", N=").append(data.members());
        double[] se = seNull();
        for (int i = 0; i < g.length; i++) {
            b.append(String.format(Locale.ROOT, ", g(%s)=%.6g ± %.3g", terms.labels().get(i), g[i], se[i]));
        }
        return b.append(String.format(Locale.ROOT, ", score=%.4g]", score())).toString();
    }
}
