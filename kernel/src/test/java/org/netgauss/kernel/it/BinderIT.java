package org.netgauss.kernel.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binder's build, short of Docker: copies the repository's tracked files, runs {@code binder/postBuild} there
 * with a scratch HOME (as repo2docker would, minus the apt.txt step), then executes the quickstart with the
 * kernelspec that postBuild wrote into that HOME.
 */
class BinderIT {
    @Test
    void postBuildInstallsAKernelThatRunsTheQuickstart() throws Exception {
        Path scratch = Files.createTempDirectory("netgauss-binder-");
        Path home = Files.createDirectories(scratch.resolve("home"));
        Path repo = scratch.resolve("repo");
        copyTrackedFiles(JupyterHarness.ROOT, repo);

        ProcessBuilder pb = new ProcessBuilder("bash", repo.resolve("binder/postBuild").toString())
                .directory(repo.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("HOME", home.toString());
        env.remove("JUPYTER_DATA_DIR");
        // reuse the machine's Maven repository and MNIST cache: this test is about the set-up, not downloads
        env.put("MAVEN_OPTS", "-Dmaven.repo.local=" + Path.of(System.getProperty("user.home"), ".m2", "repository"));
        env.put("NETGAUSS_DATA", Path.of(System.getProperty("user.home"), ".cache", "netgauss").toString());
        Path log = scratch.resolve("postBuild.log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(15, TimeUnit.MINUTES), "postBuild did not finish in 15 minutes");
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, p.exitValue(), "postBuild failed:\n" + output);

        Path kernelJson = home.resolve(".local/share/jupyter/kernels/netgauss-java/kernel.json");
        assertTrue(Files.isRegularFile(kernelJson), "postBuild wrote no kernelspec at " + kernelJson);
        assertTrue(Files.readString(kernelJson).contains(repo.toString()), "kernelspec does not use the copy");

        var run = JupyterHarness.python(repo.resolve("notebooks"),
                Map.of("HOME", home.toString(), "JUPYTER_DATA_DIR", home.resolve(".local/share/jupyter").toString(),
                        "NETGAUSS_PROFILE", "smoke",
                        "NETGAUSS_DATA", Path.of(System.getProperty("user.home"), ".cache", "netgauss").toString()),
                600, repo.resolve("environment/lib/run_notebooks.py").toString(),
                "--out", scratch.resolve("out").toString(), "--force",
                repo.resolve("notebooks/00-quickstart.ipynb").toString());
        assertEquals(0, run.exitCode(), "quickstart failed with the Binder kernelspec:\n" + run.output());

        // at launch, binder/start makes the paper profile read the copy's committed results: no training
        List<String> launch = new ArrayList<>(List.of("bash", repo.resolve("binder/start").toString(),
                JupyterHarness.PYTHON.toString(), repo.resolve("environment/lib/run_notebooks.py").toString(),
                "--out", scratch.resolve("paper").toString(), "--force",
                repo.resolve("notebooks/02-fit-pigmm.ipynb").toString()));
        ProcessBuilder start = new ProcessBuilder(launch).directory(repo.resolve("notebooks").toFile())
                .redirectErrorStream(true);
        start.environment().remove("NETGAUSS_PROFILE");
        start.environment().remove("NETGAUSS_RESULTS");
        start.environment().putAll(Map.of("HOME", home.toString(),
                "JUPYTER_DATA_DIR", home.resolve(".local/share/jupyter").toString(),
                "NETGAUSS_RUNS", scratch.resolve("runs").toString(),
                "NETGAUSS_DATA", Path.of(System.getProperty("user.home"), ".cache", "netgauss").toString()));
        Path startLog = scratch.resolve("start.log");
        start.redirectOutput(startLog.toFile());
        Process paper = start.start();
        assertTrue(paper.waitFor(10, TimeUnit.MINUTES), "notebook 02 under binder/start did not finish in 10 minutes");
        String out = Files.readString(startLog);
        assertEquals(0, paper.exitValue(), "notebook 02 failed under binder/start:\n" + out);
        String executed = Files.readString(scratch.resolve("paper/02-fit-pigmm.ipynb"));
        assertTrue(executed.contains("committed results"), "notebook 02 under binder/start did not read results/");
        assertFalse(Files.exists(scratch.resolve("runs")) && Files.list(scratch.resolve("runs")).findAny().isPresent(),
                "notebook 02 under binder/start trained instead of reading results/");
        deleteTree(scratch);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void copyTrackedFiles(Path from, Path to) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "-C", from.toString(), "ls-files", "-z", "--cached", "--others",
                "--exclude-standard").redirectErrorStream(false).start();
        String listing = new String(git.getInputStream().readAllBytes());
        assertTrue(git.waitFor(1, TimeUnit.MINUTES) && git.exitValue() == 0, "git ls-files failed in " + from);
        for (String name : List.of(listing.split("\0"))) {
            if (name.isEmpty()) {
                continue;
            }
            Path source = from.resolve(name);
            if (!Files.isRegularFile(source)) {
                continue;
            }
            Path target = to.resolve(name);
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }
}
