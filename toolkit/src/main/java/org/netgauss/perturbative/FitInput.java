package org.netgauss.perturbative;

import java.util.Locale;
import org.netgauss.pigmm.PigmmParameters;

/**
 * What one first-order fit needs, for one (setting, epoch, layer) of a study: the Gaussian fit f̂ and D, and the
 * observed means and SDs over the N networks (docs/spec/perturbative.md §4, "Inputs").
 *
 * @param setting    the study setting ("width-640", …)
 * @param epoch      the epoch
 * @param layer      the layer ("W2", …)
 * @param parameters f̂
 * @param observed   Ō and SD of the tracked invariants, with N
 */
public record FitInput(String setting, int epoch, String layer, PigmmParameters parameters,
                       ObservedInvariants observed) {
    /** The first-order fit of the given terms in the given scheme. */
    public PerturbativeFit fit(PerturbingTerms terms, Scheme scheme) {
        return Perturbative.fit(parameters, observed, terms, scheme);
    }

    /** "width-640 epoch 50 W2". */
    public String key() {
        return String.format(Locale.ROOT, "%s epoch %d %s", setting, epoch, layer);
    }
}
