package org.netgauss.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsTest {
    @TempDir
    Path tmp;

    @Test
    void runsAreSeparatedByProfile() {
        Runs w = Runs.from(Map.of(), tmp, Profile.SMOKE);
        assertEquals(tmp.resolve("runs/smoke/gaussian"), w.run("gaussian"));
        Runs e = Runs.from(Map.of(Runs.RUNS_ENV, "/data/r"), tmp, Profile.QUICK);
        assertEquals(Path.of("/data/r/quick"), e.runs());
    }

    @Test
    void committedResultsAreUsedOnlyInThePaperProfile() throws Exception {
        Path results = Files.createDirectories(tmp.resolve("results"));
        Files.writeString(results.resolve("README.md"), "how these were made");
        Files.createDirectories(results.resolve("gaussian"));
        Files.writeString(results.resolve("gaussian/pigmm.csv"), "epoch\n0\n");
        Path nb = Files.createDirectories(tmp.resolve("notebooks"));
        assertTrue(Runs.from(Map.of(), nb, Profile.PAPER).paperResult("gaussian/pigmm.csv").isPresent());
        assertTrue(Runs.from(Map.of(), nb, Profile.QUICK).paperResult("gaussian/pigmm.csv").isEmpty());
        assertTrue(Runs.from(Map.of(), nb, Profile.PAPER).paperResult("uniform/pigmm.csv").isEmpty());
    }

    @Test
    void oneRunDirectoryConventionForNotebooksAndCommandLine() {
        // whatever NETGAUSS_RUNS says in this environment, the run sits under <root>/<profile>/<name>
        Path d = Runs.dir(Profile.SMOKE, "hyper-ribbons");
        assertEquals(Runs.current(Profile.SMOKE).run("hyper-ribbons"), d);
        assertEquals(Path.of("smoke", "hyper-ribbons"), d.subpath(d.getNameCount() - 2, d.getNameCount()));
        for (String bad : new String[] {"", " ", "a/b", "..", "."}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Runs.dir(Profile.QUICK, bad));
            assertTrue(e.getMessage().contains("one directory name"), e.getMessage());
        }
    }
}
