package org.netgauss.study;

import java.util.ArrayList;
import java.util.List;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.PredictionTrajectories;
import org.netgauss.pigmm.Pigmm;
import org.netgauss.pigmm.PigmmBhattacharyya;
import org.netgauss.pigmm.PigmmParameters;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The hyper-ribbon of a weight distribution, beside that of the predictions (our extension of Mao et al., PNAS
 * 2024): the PIGMM fitted to one square layer of an ensemble at every checkpoint (Hirst &amp; Ramgoolam 2025), the
 * sequence of fits embedded by InPCA with their closed-form Bhattacharyya distance per weight
 * ({@link PigmmBhattacharyya}, divided by D²), and the members' predictions at the same checkpoints embedded by
 * the intensive Bhattacharyya distance (docs/spec/hyperribbon.md §1.2–1.4).
 *
 * @param layer               the weight matrix, e.g. {@code W2}
 * @param epochs              the checkpoint epochs
 * @param fits                the PIGMM parameters at each epoch
 * @param fitEmbedding        InPCA of the fits, one point per epoch
 * @param predictions         the members' predictions, in the order member, epoch
 * @param predictionEmbedding InPCA of the predictions
 */
public record WeightHyperRibbon(String layer, int[] epochs, List<PigmmParameters> fits, InpcaEmbedding fitEmbedding,
                                PredictionTrajectories predictions, InpcaEmbedding predictionEmbedding) {

    public WeightHyperRibbon {
        epochs = epochs.clone();
        fits = List.copyOf(fits);
    }

    /** Fits {@code layer} of {@code run} at every checkpoint and embeds the fits and the predictions. */
    public static WeightHyperRibbon of(RunDir run, String layer) {
        int[] epochs = run.epochs();
        if (epochs.length < 2) {
            throw new IllegalArgumentException(run.directory() + ": a trajectory needs two checkpoints or more, found "
                    + epochs.length);
        }
        List<PigmmParameters> fits = new ArrayList<>();
        for (int e : epochs) {
            fits.add(Pigmm.fit(run.checkpoint(e).weights(layer)).parameters());
        }
        InpcaEmbedding f = Inpca.embed(Inpca.pigmmBhattacharyya(fits), Math.min(3, fits.size()));
        PredictionTrajectories p = PredictionTrajectories.atCheckpoints(run);
        return new WeightHyperRibbon(layer, epochs, fits, f, p, Inpca.embed(Inpca.bhattacharyya(p.predictions()),
                Math.min(3, p.size())));
    }

    /** The Bhattacharyya distance between the first and the last fit, split over the irreps. */
    public PigmmBhattacharyya firstToLast() {
        return PigmmBhattacharyya.between(fits.get(0), fits.get(fits.size() - 1));
    }

    /** One group name per prediction point ("members' predictions"), for a projection chart. */
    public List<String> predictionGroups() {
        return java.util.Collections.nCopies(predictions.size(), "members' predictions");
    }

    /** One label per fit point ("PIGMM fits of W2"), for a projection chart. */
    public List<String> fitLabels() {
        return java.util.Collections.nCopies(fits.size(), "PIGMM fits of " + layer);
    }

    /** The two embeddings by name, fits first (for {@code InpcaCharts.normalisedSpectra}). */
    public java.util.Map<String, InpcaEmbedding> embeddings() {
        java.util.Map<String, InpcaEmbedding> m = new java.util.LinkedHashMap<>();
        m.put("PIGMM fits of " + layer, fitEmbedding);
        m.put("members' predictions", predictionEmbedding);
        return m;
    }

    /** The two trajectories side by side: points, χ_1..χ_3 and time-like directions of each embedding. */
    public Table toTable() {
        StringColumn name = StringColumn.create("trajectory", "PIGMM fits of " + layer, "members' predictions");
        IntColumn points = IntColumn.create("points", fitEmbedding.size(), predictionEmbedding.size());
        Table t = Table.create("hyper-ribbon of the weights vs the predictions", name, points);
        for (int k = 1; k <= 3; k++) {
            t.addColumns(DoubleColumn.create("\u03c7_" + k, chi(fitEmbedding, k), chi(predictionEmbedding, k)));
        }
        t.addColumns(IntColumn.create("time-like directions", fitEmbedding.timeLikeCount(),
                predictionEmbedding.timeLikeCount()));
        return t;
    }

    private static double chi(InpcaEmbedding e, int k) {
        return k <= e.size() ? e.explainedStress(k) : Double.NaN;
    }
}
