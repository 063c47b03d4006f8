package org.netgauss.study;

import java.util.List;
import java.util.Locale;
import org.netgauss.invariants.InitDrift;
import org.netgauss.pigmm.ModelComparison;
import org.netgauss.pigmm.PigmmFit;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.pigmm.Wasserstein;
import org.netgauss.pigmm.WassersteinBreakdown;
import tech.tablesaw.api.Table;

/**
 * The PIGMM fitted to one square layer at one checkpoint of one setting of the weight-Gaussianity study (Hirst &amp;
 * Ramgoolam 2025, Sec. 3 and 5), with what the study derives from it: the distance to the initialisation model,
 * split by irrep (docs/spec/pigmm.md §4), the comparison with the IID and bipartite models (§6) and the drift of the
 * linear and quadratic invariants I1–I13 from their initial values (§3.3).
 *
 * @param setting                the setting's name, e.g. {@code gaussian-wd0.01}
 * @param fit                    the fit: f1..f13, the ensemble size N and the maximised log-likelihood
 * @param initVariance           s² of one initial weight of this layer (1/D Gaussian, 1/(3D) uniform)
 * @param initFourthMoment       E w⁴ of one initial weight (3s⁴ Gaussian, 9s⁴/5 uniform)
 * @param logLikelihoodIid       maximised log L of the 2-parameter IID model on the same ensemble
 * @param logLikelihoodBipartite maximised log L of the 5-parameter bipartite S_D x S_D model
 * @param w2Squared              W₂² from the initialisation model {@link #initReference()}, as computed at fitting
 */
public record LayerFit(String setting, int epoch, String layer, PigmmFit fit, double initVariance,
                       double initFourthMoment, double logLikelihoodIid, double logLikelihoodBipartite,
                       double w2Squared) {

    /** The layer's size D. */
    public int d() {
        return fit.parameters().d();
    }

    /** The ensemble size N. */
    public int members() {
        return fit.members();
    }

    /** f1..f13. */
    public PigmmParameters parameters() {
        return fit.parameters();
    }

    /**
     * The analytic model of the initialisation that distances are measured from: IID N(0, s²) with the V₀ variances
     * shrunk by (1 − 1/N) as in the biased fit ({@link PigmmParameters#initReference}).
     */
    public PigmmParameters initReference() {
        return PigmmParameters.initReference(d(), initVariance, members());
    }

    /** W₂² from the initialisation model by irrep (docs/spec/pigmm.md §4); its total equals {@link #w2Squared()}. */
    public WassersteinBreakdown w2ByIrrep() {
        return Wasserstein.between(parameters(), initReference());
    }

    /** IID (k = 2), bipartite S_D x S_D (k = 5) and PIGMM (k = 13) by AIC and BIC (docs/spec/pigmm.md §6). */
    public ModelComparison models() {
        return new ModelComparison(List.of(
                new ModelComparison.Row("IID", 2, logLikelihoodIid, members()),
                new ModelComparison.Row("bipartite S_D x S_D", 5, logLikelihoodBipartite, members()),
                new ModelComparison.Row("PIGMM", 13, fit.logLikelihood(), members())));
    }

    /**
     * |Ī_k − E_init[I_k]| / √(Var_init[I_k]/N) for k = 1..13 (index k−1), with the exact variances of
     * docs/spec/pigmm.md §3.3. The ensemble means Ī_k are those of the fitted model, which moment matching makes
     * equal to the observed ones.
     */
    public double[] lqDrift() {
        return InitDrift.drift(parameters().expectedQuadraticInvariants(), d(), members(), initVariance,
                initFourthMoment);
    }

    /** f1..f13 with their meaning. */
    public Table toTable() {
        return fit.toTable().setName(setting + " " + layer + " epoch " + epoch + " (D = " + d() + ", N = " + members()
                + ")");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "LayerFit[%s %s epoch %d, D=%d, N=%d, W2^2=%.4g, best=%s]", setting, layer,
                epoch, d(), members(), w2Squared, models().best().model());
    }
}
