package org.netgauss.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.netgauss.store.RunDir;
import org.netgauss.study.MaoGrid;
import org.netgauss.study.MaoInpca;
import org.netgauss.study.Profile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code netgauss mao-inpca}: the hyper-ribbon of the trained Mao grid (Mao et al., PNAS 2024;
 * docs/spec/hyperribbon.md §4): stacks the probabilities of every run of {@code --configs} found complete under
 * {@code --runs}, appends the P0 → P* geodesic on the labels of the images the runs predict, embeds by InPCA and
 * writes {@code inpca.json}, {@code points.csv} and {@code end-of-training.csv} into {@code --out}
 * ({@link MaoInpca#write}). Runs that are missing or incomplete are left out and named.
 */
@Command(name = "mao-inpca", mixinStandardHelpOptions = true,
        description = "InPCA of the trained Mao grid with the P0 -> P* geodesic, written as a results folder.")
final class MaoInpcaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--configs", required = true, paramLabel = "DIR", description = "the grid's YAML configs")
    Path configs;

    @Option(names = "--runs", required = true, paramLabel = "DIR", description = "where the runs are, one per config name")
    Path runs;

    @Option(names = "--geodesic", paramLabel = "K", description = "points on the P0 -> P* geodesic (default 50)")
    int geodesic = 50;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "the results folder to write")
    Path out;

    @Override
    public Integer call() {
        if (geodesic < 0) {
            throw new IllegalArgumentException("--geodesic must be >= 0, found " + geodesic);
        }
        if (!Files.isDirectory(out)) {
            throw new IllegalArgumentException(out + ": no such directory (--out)");
        }
        MaoGrid grid = MaoGrid.read(configs, Profile.PAPER);
        List<RunDir> done = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String name : grid.names()) {
            Path dir = runs.resolve(name);
            if (Files.isRegularFile(dir.resolve("manifest.json")) && RunDir.open(dir).isComplete()) {
                done.add(RunDir.open(dir));
            } else {
                missing.add(name);
            }
        }
        if (done.isEmpty()) {
            throw new IllegalArgumentException(runs + ": none of the " + grid.names().size() + " runs is complete");
        }
        MaoInpca h = MaoInpca.compute(done, grid.snapshotLabels(), geodesic);
        h.write(out, String.format(Locale.ROOT, "the probabilities of %d runs (%s), stacked in memory, not written",
                done.size(), missing.isEmpty() ? "the whole grid" : "missing: " + String.join(", ", missing)));
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%d points from %d runs and %d geodesic points -> %s; chi_1..3 = %.4f %.4f %.4f%s%n",
                h.points().size(), done.size(), geodesic, out, h.embedding().explainedStress(1),
                h.embedding().explainedStress(2), h.embedding().explainedStress(3),
                missing.isEmpty() ? "" : "; missing " + String.join(", ", missing));
        w.flush();
        return 0;
    }
}
