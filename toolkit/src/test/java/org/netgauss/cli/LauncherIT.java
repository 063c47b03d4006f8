package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code environment/bin/netgauss} as a script sees it (after {@code package}): its stderr filter passes messages
 * holding non-text bytes (grep without {@code -a} printed "binary file matches" instead), and a crafted file gives
 * one line and exit 1 through the real launcher.
 */
class LauncherIT {
    @TempDir
    Path tmp;

    private static Path root() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("environment/bin/netgauss"))) {
                return d;
            }
        }
        throw new IllegalStateException("environment/bin/netgauss not found above " + Path.of("").toAbsolutePath());
    }

    private static String[] run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        return new String[] {String.valueOf(p.waitFor()), out, err};
    }

    @Test
    void stderrFilterPassesNonTextBytes() throws Exception {
        Path common = root().resolve("environment/lib/common.sh");
        String[] r = run(List.of("bash", "-c", "source '" + common + "'; printf 'bad \\000\\377 byte\\nWARNING: Using"
                + " incubator modules: x\\nnext\\n' | drop_incubator_warning 2>&1"));
        assertEquals("0", r[0]);
        assertEquals("bad \u0000\u00ff byte\nnext\n", r[1]);
        assertFalse(r[1].contains("binary file matches"), r[1]);
    }

    @Test
    void craftedNpyThroughTheLauncherIsOneLine() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("netgauss.failsafe"), "runs the packaged launcher: failsafe only");
        Path f = tmp.resolve("bad.npy");
        Files.write(f, org.netgauss.store.NpyHostileInputTest.npy(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (16, 1073741824, 1073741824), }", new byte[0]));
        List<String> cmd = new ArrayList<>(List.of(root().resolve("environment/bin/netgauss").toString(), "fit",
                f.toString()));
        String[] r = run(cmd);
        assertEquals("1", r[0], r[2]);
        assertEquals(1, r[2].strip().lines().count(), r[2]);
        assertTrue(r[2].startsWith("netgauss fit: " + f + ": shape"), r[2]);
        assertEquals("", r[1]);
    }
}
