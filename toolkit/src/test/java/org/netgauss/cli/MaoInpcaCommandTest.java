package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netgauss mao-inpca} refuses bad input with one line and writes nothing. */
class MaoInpcaCommandTest {
    static final String CONFIGS = Path.of("..", "environment", "configs", "mao").toString();

    @TempDir
    Path tmp;

    private static void oneLine(CliRun r, String contains) {
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(contains), "'" + contains + "' in: " + r.err());
    }

    @Test
    void badInputGivesOneLineAndNoFile() throws Exception {
        oneLine(CliRun.of("mao-inpca", "--configs", CONFIGS, "--runs", tmp.toString(), "--out",
                tmp.resolve("nope").toString()), "no such directory (--out)");
        Path out = Files.createDirectories(tmp.resolve("out"));
        oneLine(CliRun.of("mao-inpca", "--configs", CONFIGS, "--runs", tmp.resolve("runs").toString(), "--out",
                out.toString()), "none of the 18 runs is complete");
        oneLine(CliRun.of("mao-inpca", "--configs", CONFIGS, "--runs", tmp.toString(), "--geodesic", "-2", "--out",
                out.toString()), "--geodesic must be >= 0, found -2");
        oneLine(CliRun.of("mao-inpca", "--configs", tmp.resolve("none").toString(), "--runs", tmp.toString(), "--out",
                out.toString()), "no such directory of Mao-grid configs");
        try (var s = Files.list(out)) {
            assertEquals(0, s.count());
        }
    }
}
