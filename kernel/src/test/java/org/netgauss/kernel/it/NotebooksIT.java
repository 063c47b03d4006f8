package org.netgauss.kernel.it;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Executes every notebook in {@code notebooks/} headless, as the tutorials' readers would run them: a cell error,
 * a notebook that promises tables or plots and shows none, or a chart output that is not a real plot (its plot
 * area missing or blank: {@link ChartOutputs}) fails the build.
 *
 * <p>The profile is {@code smoke} (seconds per notebook, the default CI budget). The slower check runs the
 * {@code quick} profile: {@code environment/bin/test --quick}, i.e. {@code -Dnetgauss.notebooks.profile=quick}
 * (about 10+ minutes per notebook on 2 cores; outside the default CI budget).
 */
class NotebooksIT {
    static final String PROFILE = System.getProperty("netgauss.notebooks.profile", "smoke");

    @Test
    void everyNotebookRunsTopToBottomAndEveryChartIsARealPlot() throws Exception {
        JupyterHarness.installKernelspec();
        Path notebooks = JupyterHarness.ROOT.resolve("notebooks");
        Path out = JupyterHarness.ROOT.resolve("kernel/target/notebooks-it-" + PROFILE);
        List<String> args = new ArrayList<>(List.of(
                JupyterHarness.ROOT.resolve("environment/lib/run_notebooks.py").toString(),
                "--out", out.toString(),
                "--timeout", PROFILE.equals("smoke") ? "600" : "7200", "--force"));
        List<String> found;
        try (Stream<Path> files = Files.list(notebooks)) {
            found = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().map(Path::toString).toList();
        }
        assertFalse(found.isEmpty(), "no notebooks found in " + notebooks);
        args.addAll(found);
        var run = JupyterHarness.python(notebooks, Map.of("NETGAUSS_PROFILE", PROFILE),
                PROFILE.equals("smoke") ? 3000 : 6 * 3600, args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), "notebooks failed (profile " + PROFILE + "):\n" + run.output());

        List<String> blank = new ArrayList<>();
        int charts = 0;
        for (String nb : found) {
            for (ChartOutputs.Chart c : ChartOutputs.of(out.resolve(Path.of(nb).getFileName()))) {
                charts++;
                if (!c.real()) {
                    blank.add(c.toString());
                }
            }
        }
        assertTrue(charts > 0, "the executed notebooks in " + out + " hold no chart output at all");
        assertTrue(blank.isEmpty(), blank.size() + " of " + charts + " chart outputs are not real plots (profile "
                + PROFILE + "):\n  " + String.join("\n  ", blank));
    }
}
