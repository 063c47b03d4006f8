package org.netgauss.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSpecInstallerTest {
    @Test
    void importsListPublicPackagesButNotInternalsOrTheCli(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("t.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            for (String n : List.of("org/netgauss/pigmm/Pigmm.class", "org/netgauss/pigmm/Pigmm$Fit.class",
                    "org/netgauss/pigmm/internal/Helper.class", "org/netgauss/cli/Netgauss.class",
                    "org/netgauss/data/package-info.class", "org/netgauss/data/Mnist.class")) {
                j.putNextEntry(new JarEntry(n));
                j.closeEntry();
            }
        }
        String imports = KernelSpecInstaller.importsOf(List.of(jar.toString()));
        assertTrue(imports.contains("import org.netgauss.pigmm.*;"));
        assertTrue(imports.contains("import org.netgauss.data.*;"));
        assertFalse(imports.contains("internal"));
        assertFalse(imports.contains("cli"));
    }

    @Test
    void writingTheSameContentTwiceChangesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("k/kernel.json");
        assertTrue(KernelSpecInstaller.writeIfChanged(file, "{}"));
        var modified = Files.getLastModifiedTime(file);
        assertFalse(KernelSpecInstaller.writeIfChanged(file, "{}"));
        assertEquals(modified, Files.getLastModifiedTime(file));
        assertTrue(KernelSpecInstaller.writeIfChanged(file, "{\"a\": 1}"));
        assertEquals("{\"a\": 1}", Files.readString(file));
    }

    @Test
    void featureVersionReadsTheJavaExecutable() {
        Path executable = Path.of(System.getProperty("java.home"), "bin", "java");
        assertEquals(Runtime.version().feature(), KernelSpecInstaller.featureVersion(executable.toString()));
    }
}
