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
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    private static String[] args(Path kernels, String kernelClasspath, String... more) {
        List<String> a = new java.util.ArrayList<>(List.of("--kernels-dir", kernels.toString(),
                "--kernel-classpath", kernelClasspath));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    @Test
    void theDefaultNameIsNotJavaAndTheSpecCarriesTheMarker(@TempDir Path kernels) throws Exception {
        String line = KernelSpecInstaller.install(args(kernels, "/a/lib/*"));
        assertEquals("installed kernelspec 'netgauss-java' in " + kernels.resolve("netgauss-java"), line);
        String json = Files.readString(kernels.resolve("netgauss-java/kernel.json"));
        assertTrue(json.contains("\"netgauss\": {"), json);
        // in a fixed order, so that the set-up run again finds kernel.json unchanged (Map.of's order is per JVM)
        assertTrue(json.indexOf("\"written_by\"") < json.indexOf("\"kernel_classpath\""), json);
        assertFalse(Files.exists(kernels.resolve("java")));
        assertEquals("unchanged kernelspec 'netgauss-java' in " + kernels.resolve("netgauss-java"),
                KernelSpecInstaller.install(args(kernels, "/a/lib/*")));
    }

    @Test
    void aForeignKernelspecOfTheSameNameIsNeverOverwritten(@TempDir Path kernels) throws Exception {
        Path foreign = kernels.resolve("java/kernel.json");
        Files.createDirectories(foreign.getParent());
        String ijava = "{\"argv\": [\"java\", \"-jar\", \"ijava.jar\", \"{connection_file}\"],"
                + " \"display_name\": \"Java\", \"language\": \"java\"}";
        Files.writeString(foreign, ijava);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KernelSpecInstaller.install(args(kernels, "/a/lib/*", "--name", "java",
                        "--import-packages-of", "/nonexistent.jar")));
        assertTrue(e.getMessage().contains("was not written by netgauss"), e.getMessage());
        assertEquals(ijava, Files.readString(foreign));
        try (var files = Files.list(foreign.getParent())) {
            assertEquals(1, files.count(), "nothing else written into the foreign kernelspec's directory");
        }
        Files.writeString(foreign, "not json at all");
        assertThrows(IllegalStateException.class, () -> KernelSpecInstaller.install(args(kernels, "/a", "--name", "java")));
        assertEquals("not json at all", Files.readString(foreign));
    }

    @Test
    void takingTheNameOverFromAnotherCheckoutIsSaid(@TempDir Path kernels) {
        KernelSpecInstaller.install(args(kernels, "/clone-one/lib/*"));
        String line = KernelSpecInstaller.install(args(kernels, "/clone-two/lib/*"));
        assertTrue(line.endsWith("(it ran the kernel of another checkout, /clone-one/lib/*, until now)"), line);
    }

    @Test
    void aNameThatIsNotADirectoryNameIsRefused(@TempDir Path kernels) {
        assertThrows(IllegalArgumentException.class,
                () -> KernelSpecInstaller.install(args(kernels, "/a", "--name", "../escape")));
    }

    @Test
    void aClassArchiveIsPassedToTheJvmOnlyWhenItExists(@TempDir Path kernels) throws Exception {
        Path archive = kernels.resolve("kernel.jsa");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KernelSpecInstaller.install(args(kernels, "/a/lib/*", "--cds-archive", archive.toString())));
        assertEquals("--cds-archive " + archive + " is not a file", missing.getMessage());
        assertFalse(Files.exists(kernels.resolve("netgauss-java/kernel.json")), "a kernelspec was written anyway");

        Files.writeString(archive, "any bytes: the JVM checks the archive itself");
        KernelSpecInstaller.install(args(kernels, "/a/lib/*", "--cds-archive", archive.toString()));
        String json = Files.readString(kernels.resolve("netgauss-java/kernel.json"));
        assertTrue(json.contains("\"-XX:SharedArchiveFile=" + archive.toAbsolutePath() + "\","), json);
        assertTrue(json.indexOf("SharedArchiveFile") < json.indexOf("\"-cp\""), json);
        KernelSpecInstaller.install(args(kernels, "/a/lib/*"));
        assertFalse(Files.readString(kernels.resolve("netgauss-java/kernel.json")).contains("SharedArchiveFile"));
    }
}
