package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code package}: the toolkit's HTML javadoc is there (maven-javadoc-plugin, bound in toolkit/pom.xml) with
 * the formulas of the sources, and the index page that {@code environment/bin/reproduce} writes links it through a
 * relative link that resolves. (The kernel's Help menu link to it is checked in kernel/src/test/python/test_behaviour.py.)
 */
class JavadocIT {
    private static final Path APIDOCS = Path.of("target", "reports", "apidocs");

    @TempDir
    Path tmp;

    @Test
    void theBuildWritesTheJavadocWithTheFormulas() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("netgauss.failsafe"), "reads what package wrote: failsafe only");
        assertTrue(Files.isRegularFile(APIDOCS.resolve("index.html")), APIDOCS.toAbsolutePath() + "/index.html");
        String pigmm = Files.readString(APIDOCS.resolve("org/netgauss/pigmm/Pigmm.html"), StandardCharsets.UTF_8);
        assertTrue(pigmm.contains("Fits the PIGMM to an ensemble of D x D matrices by moment matching"), "Pigmm.fit");
        assertTrue(pigmm.contains("f1, f2 = mean_n S_{0,1}"), "the fit's formula");
        assertTrue(Files.isRegularFile(APIDOCS.resolve("org/netgauss/cli/Netgauss.html")));
    }

    @Test
    void theSiteIndexLinksTheJavadoc() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("netgauss.failsafe"), "reads what package wrote: failsafe only");
        Path javadoc = APIDOCS.resolve("index.html").toAbsolutePath();
        Path index = tmp.resolve("build/site/index.html");
        Path lib = Path.of("..", "environment", "lib").toAbsolutePath().normalize();
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import sys, run_notebooks; "
                + "run_notebooks.write_index(sys.argv[1], sys.argv[2], [], sys.argv[3])", index.toString(),
                tmp.resolve("build/notebooks").toString(), javadoc.toString())
                .directory(lib.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String page = Files.readString(index, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<a href=\"([^\"]+)\">netgauss toolkit javadoc</a>").matcher(page);
        assertTrue(m.find(), page);
        assertTrue(!m.group(1).startsWith("/"), "a relative link: " + m.group(1));
        Path target = index.getParent().resolve(m.group(1)).normalize();
        assertEquals(javadoc.normalize(), target.toAbsolutePath());
        assertTrue(Files.isRegularFile(target), target.toString());
    }
}
