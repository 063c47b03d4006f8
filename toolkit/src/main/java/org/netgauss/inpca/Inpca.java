package org.netgauss.inpca;

import java.util.List;
import org.netgauss.pigmm.PigmmBhattacharyya;
import org.netgauss.pigmm.PigmmParameters;

/**
 * Entry point of the InPCA package: distances between models' predictions, the embedding, reference
 * points. One line per common case in a notebook:
 *
 * <pre>{@code
 * var p = Predictions.of(probs, models, samples, classes);   // [T, S, C], validated
 * var emb = Inpca.embed(p);                                  // Bhattacharyya D, then InPCA
 * emb.toTable();                                             // spectrum, signature, explained stress
 * }</pre>
 *
 * Formulas and conventions: Mao et al., "The training process of many deep networks explores the same
 * low-dimensional manifold", PNAS 121(12) e2310002121 (2024); Quinn et al., PNAS 116:13762 (2019); our
 * {@code docs/spec/hyperribbon.md} §1. The linear-model theory (Mao, Griniasty et al., arXiv
 * 2505.08915) is in {@link org.netgauss.inpca.linear}.
 */
public final class Inpca {
    /** Directions with coordinates unless asked otherwise. */
    public static final int DEFAULT_COMPONENTS = 20;

    private Inpca() {}

    /** Intensive Bhattacharyya distances {@code D_uv = mean_n −log BC_n} (docs/spec/hyperribbon.md §1.2), default options. */
    public static DistanceMatrix bhattacharyya(Predictions p) {
        return BhattacharyyaDistance.matrix(p);
    }

    /** Intensive Bhattacharyya distances with explicit precision, chunking and threads. */
    public static DistanceMatrix bhattacharyya(Predictions p, DistanceOptions options) {
        return BhattacharyyaDistance.matrix(p, options);
    }

    /** Per-sample averaged Hellinger distances {@code mean_n (1 − BC_n)} (docs/spec/hyperribbon.md §1.2). */
    public static DistanceMatrix hellinger(Predictions p) {
        return BhattacharyyaDistance.hellinger(p);
    }

    /**
     * Intensive Bhattacharyya distances {@code D_B / D²} between PIGMM fits (e.g. one layer's fits through
     * training), closed form per irrep ({@link PigmmBhattacharyya}), so the weight distributions' trajectory can
     * be embedded like the predictions'.
     */
    public static DistanceMatrix pigmmBhattacharyya(List<PigmmParameters> fits) {
        return DistanceMatrix.of("pigmm-bhattacharyya", PigmmBhattacharyya.intensiveMatrix(fits));
    }

    /** InPCA of the models' Bhattacharyya distances. */
    public static InpcaEmbedding embed(Predictions p) {
        return embed(bhattacharyya(p));
    }

    /** InPCA of a distance matrix, coordinates on up to {@value #DEFAULT_COMPONENTS} directions. */
    public static InpcaEmbedding embed(DistanceMatrix d) {
        return InpcaEmbedding.compute(d, null, Math.min(d.rows(), DEFAULT_COMPONENTS));
    }

    /** InPCA of a distance matrix with coordinates on {@code components} directions (all m for exact reconstruction). */
    public static InpcaEmbedding embed(DistanceMatrix d, int components) {
        return InpcaEmbedding.compute(d, null, components);
    }

    /** Weighted InPCA (docs/spec/hyperribbon.md §1.6): per-model weights ω, {@code Σω = 1}, e.g. to undo uneven checkpoint density. */
    public static InpcaEmbedding embedWeighted(DistanceMatrix d, double[] weights, int components) {
        return InpcaEmbedding.compute(d, weights, components);
    }

    /**
     * The models followed by the two reference points of Mao et al. (docs/spec/hyperribbon.md §1.1): P0 (uniform, index T) and
     * P* (one-hot truth of {@code labels}, index T + 1), so they share the embedding with the models.
     */
    public static Predictions withReferencePoints(Predictions p, int[] labels) {
        if (labels.length != p.samples()) {
            throw new IllegalArgumentException("need one label per sample: " + p.samples() + " samples, "
                    + labels.length + " labels");
        }
        return p.append(Geodesic.uniform(p.samples(), p.classes())).append(Geodesic.truth(labels, p.classes()));
    }

    /** Places new models into an existing embedding (docs/spec/hyperribbon.md §1.5) from their predictions on the same samples. */
    public static double[][] project(InpcaEmbedding embedding, Predictions base, Predictions queries) {
        if (base.models() != embedding.size()) {
            throw new IllegalArgumentException("embedding has " + embedding.size() + " models, base predictions "
                    + base.models() + "; pass the predictions the embedding was built from");
        }
        return embedding.project(BhattacharyyaDistance.cross(queries, base));
    }
}
