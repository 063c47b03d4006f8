package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code netgauss submit --slurm}: no field reaches {@code train.sbatch} or {@code merge.sbatch} unchecked (the
 * injection attempts below are each refused with one line, and nothing is written), and a failed sbatch leaves
 * nothing behind.
 */
class SubmitSafetyTest {
    @TempDir
    Path tmp;

    /** Shell payloads: a new line, command separators, substitutions, quotes. */
    static final List<String> PAYLOADS = List.of("normal\ntouch pwned", "normal;touch pwned", "normal$(touch pwned)",
            "normal`touch pwned`", "normal'touch pwned'", "normal\"x\"", "normal touch", "normal&&touch",
            "normal|touch", "normal\rtouch", "${HOME}", "normal>pwned", "normal#x", "norm\\al", "");

    static Stream<Arguments> injectedOptions() {
        List<Arguments> a = new ArrayList<>();
        for (String p : PAYLOADS) {
            a.add(Arguments.of("--partition", p));
            a.add(Arguments.of("--account", p));
            a.add(Arguments.of("--sbatch-option", "--qos=" + p));
            if (p.isEmpty()) {
                continue; // appended to a valid value below, the empty payload leaves it valid
            }
            a.add(Arguments.of("--mem", "4G" + p));
            a.add(Arguments.of("--time", "01:00:00" + p));
            a.add(Arguments.of("--job-name", "ng" + p));
        }
        a.add(Arguments.of("--sbatch-option", "--array=0-99"));
        a.add(Arguments.of("--sbatch-option", "--output=/tmp/x"));
        a.add(Arguments.of("--sbatch-option", "--wrap=touch pwned"));
        a.add(Arguments.of("--sbatch-option", "qos=short"));
        a.add(Arguments.of("--cpus-per-task", "0"));
        a.add(Arguments.of("--cpus-per-task", "-4"));
        a.add(Arguments.of("--launcher", "/bin/netgauss\ntouch pwned"));
        return a.stream();
    }

    private Path job(String slurm) throws Exception {
        Path job = ShardedCliTest.writeJob(Files.createDirectories(tmp.resolve("job")), 5);
        if (slurm != null) {
            JsonObject o = JsonParser.parseString(Files.readString(job)).getAsJsonObject();
            o.add("slurm", JsonParser.parseString(slurm));
            Files.writeString(job, o.toString());
        }
        return job;
    }

    private static void assertRefused(CliRun r, Path out) {
        assertTrue(r.code() == 1 || r.code() == 2, r.code() + ": " + r.out() + r.err()); // 2: a usage error
        CliFailureTest.assertOneLine(r.err());
        assertFalse(r.out().contains("touch pwned"), r.out());
        assertFalse(Files.exists(out), "submit wrote " + out);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("injectedOptions")
    void injectedOptionIsRefusedBeforeAnythingIsWritten(String option, String value) throws Exception {
        Path out = tmp.resolve("out");
        for (boolean dry : new boolean[] {true, false}) {
            List<String> args = new ArrayList<>(List.of("submit", "--slurm", "--config", job(null).toString(), "--shards",
                    "2", "--out", out.toString(), "--sbatch", tmp.resolve("no-sbatch").toString(), option, value));
            if (dry) {
                args.add("--dry-run");
            }
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertRefused(r, out);
            assertTrue(r.err().startsWith("netgauss submit: "), r.err());
        }
    }

    static Stream<Arguments> injectedJobFields() {
        List<Arguments> a = new ArrayList<>();
        for (String p : PAYLOADS.subList(0, PAYLOADS.size() - 1)) { // not "": "normal" + "" is a valid name
            for (String key : List.of("partition", "account", "mem", "time")) {
                JsonObject o = new JsonObject();
                o.addProperty(key, (key.equals("mem") ? "4G" : key.equals("time") ? "10" : "normal") + p);
                a.add(Arguments.of(o.toString()));
            }
        }
        a.add(Arguments.of("{\"cpusPerTask\": \"4; touch pwned\"}"));
        a.add(Arguments.of("{\"cpusPerTask\": 2.5}"));
        a.add(Arguments.of("{\"cpusPerTask\": -1}"));
        a.add(Arguments.of("{\"cpusPerTask\": 99999999999}"));
        a.add(Arguments.of("{\"cpusPerTask\": {\"x\": 1}}"));
        a.add(Arguments.of("{\"partition\": [\"a\", \"b\"]}"));
        a.add(Arguments.of("{\"partition\": 7}"));
        a.add(Arguments.of("{\"partition\": null}"));
        a.add(Arguments.of("{\"qos\": \"short\"}"));
        a.add(Arguments.of("\"normal\""));
        a.add(Arguments.of("[1, 2]"));
        return a.stream();
    }

    @ParameterizedTest(name = "slurm = {0}")
    @MethodSource("injectedJobFields")
    void injectedJobFileFieldIsRefused(String slurm) throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("submit", "--slurm", "--dry-run", "--config", job(slurm).toString(), "--shards", "2",
                "--out", out.toString());
        assertRefused(r, out);
    }

    @Test
    void outputDirectoryThatCannotBeWrittenIntoAnSbatchLineIsRefused() throws Exception {
        for (String name : List.of("a b", "a\nb", "a%jb", "a'b", "a$b", "a;b")) {
            Path out = tmp.resolve(name);
            CliRun r = CliRun.of("submit", "--slurm", "--dry-run", "--config", job(null).toString(), "--shards", "2",
                    "--out", out.toString());
            assertRefused(r, out);
        }
    }

    @Test
    void checkedFieldsAppearVerbatimAndTheLauncherIsQuoted() throws Exception {
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("submit", "--slurm", "--dry-run", "--config", job("{\"partition\": \"gpu,cpu\","
                        + " \"cpusPerTask\": 4}").toString(), "--shards", "2", "--out", out.toString(), "--account",
                "proj-1.a", "--sbatch-option", "--qos=short", "--sbatch-option", "--exclusive", "--launcher",
                "/opt/net gauss/bin/netgauss");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("#SBATCH --partition=gpu,cpu\n#SBATCH --account=proj-1.a\n#SBATCH --qos=short\n"
                + "#SBATCH --exclusive\n"), r.out());
        assertTrue(r.out().contains("#SBATCH --cpus-per-task=4\n"), r.out());
        assertTrue(r.out().contains("exec '/opt/net gauss/bin/netgauss' train-shard"), r.out());
        assertFalse(Files.exists(out));
    }

    /** An executable shell script in tmp. */
    private Path script(String name, String body) throws IOException {
        Path p = tmp.resolve("bin").resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    @Test
    void failedSbatchLeavesNothingBehind() throws Exception {
        Path sbatch = script("sbatch", "echo 'sbatch: error: invalid partition specified: nope' >&2; exit 1");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("submit", "--slurm", "--config", job(null).toString(), "--shards", "2", "--out",
                out.toString(), "--sbatch", sbatch.toString(), "--partition", "nope");
        assertEquals(1, r.code());
        CliFailureTest.assertOneLine(r.err());
        assertTrue(r.err().contains("invalid partition specified: nope"), r.err());
        assertFalse(Files.exists(out), "left behind: " + out);
    }

    @Test
    void failedMergeSubmissionCancelsTheArrayAndLeavesNothingBehind() throws Exception {
        Path count = tmp.resolve("calls");
        Path sbatch = script("sbatch", "echo x >> '" + count + "'\n"
                + "if [ $(wc -l < '" + count + "') -eq 1 ]; then echo 4242; exit 0; fi\n"
                + "echo 'sbatch: error: QOSMaxSubmitJobPerUserLimit' >&2; exit 1");
        Path cancelled = tmp.resolve("cancelled");
        script("scancel", "echo \"$1\" > '" + cancelled + "'");
        Path out = Files.createDirectories(tmp.resolve("existing-out"));
        CliRun r = CliRun.of("submit", "--slurm", "--config", job(null).toString(), "--shards", "2", "--out",
                out.toString(), "--sbatch", sbatch.toString());
        assertEquals(1, r.code());
        CliFailureTest.assertOneLine(r.err());
        assertTrue(r.err().contains("QOSMaxSubmitJobPerUserLimit") && r.err().contains("cancelled array job 4242"),
                r.err());
        assertEquals("4242", Files.readString(cancelled).strip());
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.toList(), "the directory existed before: it stays, empty");
        }
    }

    @Test
    void successfulSubmissionKeepsItsFiles() throws Exception {
        Path count = tmp.resolve("calls");
        Path sbatch = script("sbatch", "echo x >> '" + count + "'; echo $((100 + $(wc -l < '" + count + "')))");
        Path out = tmp.resolve("out");
        CliRun r = CliRun.of("submit", "--slurm", "--json", "--config", job(null).toString(), "--shards", "2",
                "--out", out.toString(), "--sbatch", sbatch.toString());
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out().strip()).getAsJsonObject();
        assertEquals("101", o.get("arrayJob").getAsString());
        assertEquals("102", o.get("mergeJob").getAsString());
        for (String f : List.of("job.json", "slurm/train.sbatch", "slurm/merge.sbatch", "logs", "shards")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
    }
}
