package org.netgauss.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code reproduce --publish} refuses to write a notebook that names a path of this machine or reaches 5 MB. */
class PublishIT {
    private static final Path TESTS = JupyterHarness.ROOT.resolve("kernel/src/test/python");

    @Test
    void publishingRefusesMachinePathsAndOversizedNotebooks() throws Exception {
        var run = JupyterHarness.python(TESTS, Map.of(), 120, "-m", "unittest", "-v", "test_publish");
        assertEquals(0, run.exitCode(), "publish checks failed:\n" + run.output());
    }
}
