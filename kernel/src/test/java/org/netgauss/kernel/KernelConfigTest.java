package org.netgauss.kernel;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KernelConfigTest {
    @Test
    void ijavaAndJjavaNamesAreAcceptedAndClasspathsJoined() {
        KernelConfig c = KernelConfig.fromEnvironment(Map.of(
                "IJAVA_CLASSPATH", "a.jar",
                "JJAVA_CLASSPATH", "b.jar",
                "NETGAUSS_COMPILER_OPTS", "--enable-preview  --release 17",
                "JJAVA_STARTUP_SCRIPTS_PATH", "one.jsh" + File.pathSeparator + "two.jsh",
                "IJAVA_STARTUP_SCRIPT", "int x = 1;"));
        assertEquals("b.jar" + File.pathSeparator + "a.jar", c.classpath());
        assertEquals(List.of("--enable-preview", "--release", "17"), c.compilerOptions());
        assertEquals(List.of("one.jsh", "two.jsh"), c.startupScripts());
        assertEquals("int x = 1;\n", c.startupScript());
    }

    @Test
    void timeoutIsMillisecondsOrAmountWithUnit() {
        assertEquals(0, KernelConfig.parseTimeout(""));
        assertEquals(1500, KernelConfig.parseTimeout("1500"));
        assertEquals(30_000, KernelConfig.parseTimeout("30 SECONDS"));
        assertEquals(120_000, KernelConfig.parseTimeout("2 minutes"));
        assertEquals(0, KernelConfig.parseTimeout("-1"));
    }

    @Test
    void malformedTimeoutSaysWhatIsExpected() {
        var e = assertThrows(IllegalArgumentException.class, () -> KernelConfig.parseTimeout("soon"));
        assertEquals(true, e.getMessage().contains("30 SECONDS"));
    }

    @Test
    void emptyEnvironmentGivesDefaults() {
        assertEquals(KernelConfig.defaults(), KernelConfig.fromEnvironment(Map.of()));
    }

    @Test
    void outputLimitIsWholeMegabytesWithATenMegabyteDefault() {
        assertEquals(10L << 20, KernelConfig.fromEnvironment(Map.of()).outputLimitBytes());
        assertEquals(3L << 20, KernelConfig.fromEnvironment(Map.of("NETGAUSS_OUTPUT_LIMIT_MB", "3")).outputLimitBytes());
        for (String bad : new String[] {"0", "-1", "1.5", "ten", "99999999", "2097152"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> KernelConfig.parseOutputLimit(bad), bad);
            assertEquals(true, e.getMessage().startsWith("NETGAUSS_OUTPUT_LIMIT_MB '" + bad + "'"), e.getMessage());
        }
    }
}
