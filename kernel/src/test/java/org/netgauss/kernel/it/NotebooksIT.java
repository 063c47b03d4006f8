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

/**
 * Executes every notebook in {@code notebooks/} headless under the smoke profile, as the tutorials' readers
 * would run them: a cell error, or a notebook that promises tables or plots and shows none, fails the build.
 */
class NotebooksIT {
    @Test
    void everyNotebookRunsTopToBottomUnderTheSmokeProfile() throws Exception {
        JupyterHarness.installKernelspec();
        Path notebooks = JupyterHarness.ROOT.resolve("notebooks");
        List<String> args = new ArrayList<>(List.of(
                JupyterHarness.ROOT.resolve("environment/lib/run_notebooks.py").toString(),
                "--out", JupyterHarness.ROOT.resolve("kernel/target/notebooks-it").toString(),
                "--timeout", "600", "--force"));
        List<String> found;
        try (Stream<Path> files = Files.list(notebooks)) {
            found = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().map(Path::toString).toList();
        }
        assertFalse(found.isEmpty(), "no notebooks found in " + notebooks);
        args.addAll(found);
        var run = JupyterHarness.python(notebooks, Map.of("NETGAUSS_PROFILE", "smoke"), 3000,
                args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), "notebooks failed:\n" + run.output());
    }
}
