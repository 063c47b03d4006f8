package org.netgauss.kernel.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel seen from Jupyter's side, through Debian's jupyter_client and jupyter_kernel_test: protocol
 * conformance, what a notebook user sees (rich results, streaming, errors, interrupt, magics), hostile clients
 * (badly signed, malformed and oversized messages), orphaning, the class archive the set-up writes (and starts
 * without a usable one), and 50 starts in a row without a hang.
 */
class KernelProtocolIT {
    private static final Path TESTS = JupyterHarness.ROOT.resolve("kernel/src/test/python");

    @BeforeAll
    static void install() {
        JupyterHarness.installKernelspec();
    }

    @Test
    void conformsToTheJupyterMessageSpec() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 600, "-m", "unittest", "-v", "test_conformance");
        assertEquals(0, run.exitCode(), "jupyter_kernel_test failed:\n" + run.output());
    }

    @Test
    void behavesAsANotebookUserExpects() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 600, "-m", "unittest", "-v", "test_behaviour");
        assertEquals(0, run.exitCode(), "kernel behaviour tests failed:\n" + run.output());
    }

    @Test
    void keepsServingWhateverAClientSends() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 900, "-m", "unittest", "-v", "test_hostile");
        assertEquals(0, run.exitCode(), "a hostile message hurt the kernel:\n" + run.output());
        assertTrue(run.output().matches("(?s).*kernel cases survived: (\\d+) / \\1\\b.*"), run.output());
    }

    @Test
    void batchesAndCapsOutputAndInterruptsAPrintingCell() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 600, "-m", "unittest", "-v", "test_output");
        assertEquals(0, run.exitCode(), "output tests failed:\n" + run.output());
    }

    @Test
    void servesNotebooksBehindATokenOnLocalhostAsRootToo() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 300, "-m", "unittest", "-v", "test_serve");
        assertEquals(0, run.exitCode(), "reproduce --serve's server failed:\n" + run.output());
    }

    @Test
    void exitsWhenItsParentDies() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 300, "-m", "unittest", "-v", "test_orphan");
        assertEquals(0, run.exitCode(), "the kernel outlived its parent:\n" + run.output());
    }

    @Test
    void startsFromItsClassArchiveAndWithoutAUsableOne() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 1200, "-m", "unittest", "-v", "test_cds");
        assertEquals(0, run.exitCode(), "class archive tests failed:\n" + run.output());
    }

    @Test
    void startsFiftyTimesInARowWithoutAHang() throws Exception {
        Path report = JupyterHarness.ROOT.resolve("kernel/target/startup-report.json");
        var run = JupyterHarness.python(TESTS, Map.of("STARTUP_RUNS", "50", "STARTUP_REPORT", report.toString()),
                1200, "test_startup.py");
        assertEquals(0, run.exitCode(), "some kernel starts failed:\n" + run.output());
        assertTrue(Files.readString(report).contains("\"failures\": []"), run.output());
    }
}
