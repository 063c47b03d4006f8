package org.netgauss.study;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.netgauss.inpca.Inpca;
import org.netgauss.inpca.InpcaEmbedding;
import org.netgauss.inpca.PredictionTrajectories;
import org.netgauss.inpca.PredictionTrajectories.Point;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * The hyper-ribbon of Mao et al. (PNAS 2024) for a grid of trained runs: the InPCA embedding (intensive
 * Bhattacharyya distances, docs/spec/hyperribbon.md §1.2–1.4) of every member's predicted probabilities along its
 * training, with the P0 → P* geodesic (§4.4) when it was included, and the end of training per run. Computed from
 * run directories ({@link #compute}) or read back from a committed results folder such as
 * {@code results/mao-inpca/} ({@link #read}), which {@link #write} produces.
 *
 * @param points            what each embedded model is (run, member, step), in order
 * @param embedding         the embedding, coordinates on the first three directions
 * @param explainedDistance explained distance of metric (b), §1.4, for K = 1, 2, 3 directions (NaN if not known)
 * @param endOfTraining     per run: progress λ along the geodesic and accuracy at the last step (empty if not known)
 */
public record MaoInpca(List<Point> points, InpcaEmbedding embedding, double[] explainedDistance, Table endOfTraining) {
    /**
     * Explained distance (b) on AllCNN / CIFAR-10 for 1, 2, 3 directions, from the Mao et al. repository
     * (docs/spec/hyperribbon.md §2).
     */
    public static final double[] MAO_ALLCNN = {0.817, 0.886, 0.896};
    static final String POINTS = "points.csv";
    static final String INPCA = "inpca.json";
    static final String END = "end-of-training.csv";

    public MaoInpca {
        points = List.copyOf(points);
        explainedDistance = explainedDistance.clone();
        if (points.size() != embedding.size()) {
            throw new IllegalArgumentException(points.size() + " points for an embedding of " + embedding.size());
        }
    }

    /**
     * The hyper-ribbon of {@code grid}: under the {@code paper} profile the committed results
     * ({@code results/mao-inpca/}, found by {@link Runs}) when they are there, without training; otherwise the
     * grid is trained (or read back from its run directories) and embedded with {@code geodesicPoints} points on
     * the P0 → P* geodesic.
     */
    public static MaoInpca reproduce(MaoGrid grid, int geodesicPoints) {
        var committed = Runs.current(grid.profile()).paperResult("mao-inpca/" + INPCA);
        if (committed.isPresent()) {
            return read(committed.get().getParent());
        }
        return compute(grid.train(), grid.snapshotLabels(), geodesicPoints);
    }

    /**
     * Stacks the runs ({@link PredictionTrajectories#of}), appends {@code geodesicPoints} points of the P0 → P*
     * geodesic on {@code labels} (none if 0) and embeds everything on three directions.
     */
    public static MaoInpca compute(List<RunDir> runs, int[] labels, int geodesicPoints) {
        PredictionTrajectories models = PredictionTrajectories.of(runs);
        Table end = models.endOfTraining(labels);
        PredictionTrajectories all = geodesicPoints > 0 ? models.withGeodesic(labels, geodesicPoints) : models;
        InpcaEmbedding e = Inpca.embed(Inpca.bhattacharyya(all.predictions()), Math.min(3, all.size()));
        double[] b = new double[3];
        for (int k = 1; k <= 3; k++) {
            b[k - 1] = k <= e.components() ? e.explainedDistanceL1(k) : Double.NaN;
        }
        return new MaoInpca(all.points(), e, b, end);
    }

    /** The results written by {@link #write} (or the folder committed before the geodesic and end of training). */
    public static MaoInpca read(Path dir) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(dir.resolve(INPCA))).getAsJsonObject();
            double[] ev = doubles(o.getAsJsonArray("eigenvalues"));
            int[] sig = new int[ev.length];
            JsonArray s = o.getAsJsonArray("signature");
            for (int k = 0; k < sig.length; k++) {
                sig[k] = s.get(k).getAsInt();
            }
            double[] b = o.has("explainedDistanceL1") ? doubles(o.getAsJsonArray("explainedDistanceL1"))
                    : new double[] {Double.NaN, Double.NaN, Double.NaN};
            List<String> lines = Files.readAllLines(dir.resolve(POINTS), StandardCharsets.UTF_8);
            if (!lines.get(0).startsWith("point,run,member,step,x1")) {
                throw new IllegalArgumentException(dir.resolve(POINTS) + ": expected the header point,run,member,step,x1..");
            }
            int k = lines.get(0).split(",").length - 4;
            List<Point> points = new ArrayList<>();
            double[][] x = new double[lines.size() - 1][k];
            for (int i = 1; i < lines.size(); i++) {
                String[] f = lines.get(i).split(",");
                points.add(new Point(f[1], Integer.parseInt(f[2]), Long.parseLong(f[3])));
                for (int c = 0; c < k; c++) {
                    x[i - 1][c] = Double.parseDouble(f[4 + c]);
                }
            }
            Path endFile = dir.resolve(END);
            Table end = Files.isRegularFile(endFile) ? Table.read().csv(CsvReadOptions.builder(endFile.toFile())
                    .tableName("end of training").build()) : Table.create("end of training: not in " + dir.getFileName());
            return new MaoInpca(points, stored(ev, sig, x), b, end);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot read the InPCA results (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Writes {@code inpca.json} (spectrum, signature, explained stress and distance), {@code points.csv} (run, member,
     * step, x1..x3 per point) and {@code end-of-training.csv} into {@code dir}, each through a temporary file.
     * {@code what} describes the stacked probabilities in {@code inpca.json}'s {@code file} field.
     */
    public void write(Path dir, String what) {
        JsonObject o = new JsonObject();
        o.addProperty("file", what);
        o.addProperty("models", points.size());
        o.addProperty("distance", "bhattacharyya (intensive, mean over samples)");
        o.addProperty("components", embedding.components());
        o.addProperty("geodesicPoints", points.stream().filter(p -> p.run().equals(PredictionTrajectories.GEODESIC)).count());
        o.addProperty("timeLike", embedding.timeLikeCount());
        o.add("eigenvalues", array(embedding.eigenvalues()));
        JsonArray sig = new JsonArray();
        for (int s : embedding.signature()) {
            sig.add(s);
        }
        o.add("signature", sig);
        o.add("explainedStress", array(embedding.explainedStress()));
        o.add("explainedDistanceL1", array(explainedDistance));
        StringBuilder csv = new StringBuilder("point,run,member,step");
        for (int c = 1; c <= embedding.components(); c++) {
            csv.append(",x").append(c);
        }
        csv.append('\n');
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            csv.append(i).append(',').append(p.run()).append(',').append(p.member()).append(',').append(p.step());
            for (int c = 0; c < embedding.components(); c++) {
                csv.append(',').append(embedding.coordinate(i, c));
            }
            csv.append('\n');
        }
        StringBuilder end = new StringBuilder(String.join(",", endOfTraining.columnNames())).append('\n');
        for (int r = 0; r < endOfTraining.rowCount(); r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < endOfTraining.columnCount(); c++) {
                cells.add(String.valueOf(endOfTraining.column(c).get(r)));
            }
            end.append(String.join(",", cells)).append('\n');
        }
        atomically(dir.resolve(INPCA), new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues()
                .create().toJson(o) + "\n");
        atomically(dir.resolve(POINTS), csv.toString());
        atomically(dir.resolve(END), end.toString());
    }

    /** The run of every point, in order (the colour of a trajectory). */
    public List<String> runs() {
        return points.stream().map(Point::run).toList();
    }

    /** The trajectory of every point, in order ("run #member", or the geodesic). */
    public List<String> trajectories() {
        return points.stream().map(Point::trajectory).toList();
    }

    /**
     * Explained stress χ_K (docs/spec/hyperribbon.md §1.4) and explained distance (b) for K = 1..3, next to the
     * Mao et al. repository's
     * explained distance on AllCNN / CIFAR-10.
     */
    public Table stressTable() {
        return Table.create("explained stress and distance, top 1-3 directions", IntColumn.create("K", 1, 2, 3),
                DoubleColumn.create("\u03c7_K (stress)", embedding.explainedStress(1), embedding.explainedStress(2),
                        embedding.explainedStress(3)),
                DoubleColumn.create("explained distance (b)", explainedDistance),
                DoubleColumn.create("Mao et al. AllCNN CIFAR-10 (b)", MAO_ALLCNN));
    }

    /** The spectrum table of the embedding, titled with what was embedded. */
    public Table toTable() {
        long runs = points.stream().map(Point::run).filter(r -> !r.equals(PredictionTrajectories.GEODESIC)).distinct()
                .count();
        return embedding.toTable().setName(String.format(Locale.ROOT, "InPCA of %d models (%d runs%s)", points.size(),
                runs, points.stream().anyMatch(p -> p.run().equals(PredictionTrajectories.GEODESIC))
                        ? " and the P0 \u2192 P* geodesic" : ""));
    }

    /**
     * An embedding read back from stored results ({@code inpca.json} and the coordinates of {@code points.csv}):
     * all m signed eigenvalues (so {@code ‖W‖²_F = Σ e_k²} and the explained stress are exact) and the
     * coordinates on the first K directions. It holds no distance matrix: {@code reconstructionError},
     * the explained distances and projection throw {@link IllegalStateException}.
     */
    static InpcaEmbedding stored(double[] eigenvalues, int[] signature, double[][] coordinates) {
        int m = coordinates.length;
        if (eigenvalues.length != m || signature.length != m) {
            throw new IllegalArgumentException("need all " + m + " eigenvalues and signs, found " + eigenvalues.length);
        }
        double frob = Arrays.stream(eigenvalues).map(e -> e * e).sum();
        int k = coordinates[0].length;
        double[][] v = new double[m][k];
        for (int i = 0; i < m; i++) {
            if (coordinates[i].length != k) {
                throw new IllegalArgumentException("point " + i + " has " + coordinates[i].length + " coordinates, point 0 " + k);
            }
            for (int c = 0; c < k; c++) {
                v[i][c] = signature[c] == 0 ? 0 : coordinates[i][c] / Math.sqrt(Math.abs(eigenvalues[c]));
            }
        }
        double[] w = new double[m];
        Arrays.fill(w, 1.0 / m);
        double[] none = new double[m];
        Arrays.fill(none, Double.NaN);
        return new InpcaEmbedding(eigenvalues, coordinates, signature, frob, v, none, Double.NaN, w, false, null);
    }

    private static double[] doubles(JsonArray a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble();
        }
        return v;
    }

    private static JsonArray array(double[] v) {
        JsonArray a = new JsonArray();
        for (double x : v) {
            a.add(x);
        }
        return a;
    }

    private static void atomically(Path file, String text) {
        try {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(part, text, StandardCharsets.UTF_8);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write (" + e.getMessage() + ")", e);
        }
    }
}
