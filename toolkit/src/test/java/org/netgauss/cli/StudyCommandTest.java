package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Mnist;
import org.netgauss.study.PigmmStudyData;
import org.netgauss.study.Profile;
import org.netgauss.study.Runs;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.Table;

/**
 * {@code netgauss study} in the smoke profile on one or two settings: width-10 (12 networks, 1 epoch) and gaussian
 * (16 networks, 2 epochs), each on the profile's 2 000 MNIST images, a second or two per invocation.
 */
class StudyCommandTest {
    @TempDir
    Path tmp;

    private static void assumeMnist() {
        assumeTrue(Files.exists(Mnist.defaultDirectory().resolve(Mnist.TRAIN_IMAGES))
                        || Files.exists(Mnist.defaultDirectory().resolve(Mnist.TRAIN_IMAGES + ".gz")),
                "MNIST files absent from " + Mnist.defaultDirectory() + " (run environment/bin/setup); skipping the study");
    }

    private CliRun study(String... extra) {
        List<String> args = new ArrayList<>(List.of("study", "--profile", "smoke", "--runs", tmp.resolve("runs").toString(),
                "--results", tmp.resolve("results").toString(), "--threads", "2"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private JsonObject provenance(String setting) throws IOException {
        return JsonParser.parseString(Files.readString(tmp.resolve("results").resolve(setting).resolve("provenance.json")))
                .getAsJsonObject();
    }

    private Table csv(String setting, String file) {
        return Table.read().csv(tmp.resolve("results").resolve(setting).resolve(file).toFile());
    }

    @Test
    void studyTrainsTheRunsAndWritesTheThreeTablesAndTheirProvenance() throws IOException {
        assumeMnist();
        CliRun r = study("--settings", "width-10,gaussian", "--commit", "abc1234");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("gaussian: trained 16 networks"), r.out());
        assertTrue(r.err().contains("train gaussian (16 members)"), "progress bar on stderr: " + r.err());

        // pigmm.csv: one row per epoch 0..E and modelled layer, f1..f13, W2^2 and three log-likelihoods
        Table f = csv("gaussian", "pigmm.csv");
        List<String> cols = new ArrayList<>(List.of("epoch", "layer", "D"));
        for (int k = 1; k <= 13; k++) {
            cols.add("f" + k);
        }
        cols.addAll(List.of("w2sq", "logL_iid", "logL_bipartite", "logL_pigmm"));
        assertEquals(cols, f.columnNames());
        assertEquals(3 * 3, f.rowCount(), "epochs 0, 1, 2 x layers W2, W3, W4");
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2, 2), f.intColumn("epoch").asList());
        assertEquals(List.of("W2", "W3", "W4"), f.stringColumn("layer").asList().subList(0, 3));
        assertEquals(10, f.intColumn("D").getInt(0));
        Table fw = csv("width-10", "pigmm.csv");
        assertEquals(List.of(0, 1), fw.intColumn("epoch").asList());
        assertEquals(List.of("W2", "W2"), fw.stringColumn("layer").asList());

        // deviations.csv: the 39 cubic and quartic invariants I14..I52 at every epoch and layer (D = 10)
        Table d = csv("gaussian", "deviations.csv");
        assertEquals(List.of("epoch", "layer", "invariant", "group", "observed", "wick", "sd", "deviation"), d.columnNames());
        assertEquals(3 * 3 * 39, d.rowCount());
        assertEquals("I14", d.stringColumn("invariant").get(0));
        assertEquals(2 * 39, csv("width-10", "deviations.csv").rowCount());

        // accuracy.csv: one row per trained epoch with ensemble mean and SD
        Table a = csv("gaussian", "accuracy.csv");
        assertEquals(List.of(1, 2), a.intColumn("epoch").asList());
        assertTrue(a.columnNames().contains("Mean [test_accuracy]"), a.columnNames().toString());
        assertTrue(a.columnNames().contains("Std. Deviation [train_loss]"), a.columnNames().toString());

        JsonObject p = provenance("gaussian");
        assertEquals("gaussian", p.get("setting").getAsString());
        assertEquals("complete", p.get("status").getAsString());
        assertEquals("smoke", p.get("profile").getAsString());
        assertEquals("abc1234", p.get("commit").getAsString());
        assertTrue(p.get("command").getAsString().startsWith("netgauss study --profile smoke --runs "),
                p.get("command").getAsString());
        assertTrue(p.get("command").getAsString().endsWith("--settings width-10,gaussian --commit abc1234"),
                p.get("command").getAsString());
        assertTrue(p.get("date").getAsString().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), p.get("date").toString());
        JsonObject m = p.getAsJsonObject("machine");
        assertEquals(Runtime.getRuntime().availableProcessors(), m.get("processors").getAsInt());
        assertEquals(2, m.get("threads").getAsInt());
        assertTrue(m.get("jdk").getAsString().startsWith(System.getProperty("java.runtime.version")), m.toString());
        assertTrue(m.has("cpu"), m.toString());
        JsonObject setup = p.getAsJsonObject("setup");
        assertEquals(16, setup.get("networks").getAsInt());
        assertEquals(2, setup.get("epochs").getAsInt());
        assertEquals(2_000, setup.get("trainSamples").getAsInt());
        assertEquals("[784,10,10,10,10]", setup.get("widths").toString());
        JsonObject t = p.getAsJsonObject("training");
        assertEquals(0, t.get("fromEpoch").getAsInt(), "the study created the run");
        assertEquals(1, t.get("invocations").getAsInt());
        assertTrue(t.get("seconds").getAsDouble() > 0, t.toString());
        assertFalse(t.has("note"), "all epochs were trained and timed here: " + t);
        assertTrue(p.get("analysisSeconds").getAsDouble() >= 0);
        Path runDir = tmp.resolve("runs/smoke/gaussian");
        assertEquals("smoke/gaussian", p.getAsJsonObject("run").get("directory").getAsString());
        assertFalse(p.toString().contains(tmp.toString()), "no absolute path of this machine: " + p);
        assertTrue(p.get("command").getAsString().contains("--runs <runs> --results <results>"), p.toString());
        assertEquals(12, provenance("width-10").getAsJsonObject("setup").get("networks").getAsInt());

        // the notebooks, pointed at the same runs, find these runs trained and would only open them
        PigmmStudyData nb = PigmmStudyData.open(Profile.SMOKE,
                Runs.from(Map.of(Runs.RUNS_ENV, tmp.resolve("runs").toString()), tmp, Profile.SMOKE));
        assertEquals(runDir, nb.runDirectory(nb.sizes().setting("gaussian")));
        assertTrue(nb.isTrained(nb.sizes().setting("gaussian")));
        assertTrue(nb.isTrained(nb.sizes().setting("width-10")));
    }

    @Test
    void aSecondRunTrainsNothingAndOnlyRewritesMissingTables() throws IOException {
        assumeMnist();
        assertEquals(0, study("--settings", "width-10").code());
        Path res = tmp.resolve("results/width-10");
        Path manifest = tmp.resolve("runs/smoke/width-10/manifest.json");
        byte[] manifestBytes = Files.readAllBytes(manifest);
        byte[] provenanceBytes = Files.readAllBytes(res.resolve("provenance.json"));
        byte[] pigmmBytes = Files.readAllBytes(res.resolve("pigmm.csv"));
        JsonObject first = provenance("width-10");

        CliRun again = study("--settings", "width-10");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("width-10: results complete in"), again.out());
        assertTrue(again.out().contains("nothing to do"), again.out());
        assertArrayEquals(manifestBytes, Files.readAllBytes(manifest));
        assertArrayEquals(provenanceBytes, Files.readAllBytes(res.resolve("provenance.json")));

        // a lost table is written again from the trained run, keeping the recorded training time
        Files.delete(res.resolve("deviations.csv"));
        CliRun repair = study("--settings", "width-10");
        assertEquals(0, repair.code(), repair.err());
        assertTrue(repair.out().contains("width-10: run already trained"), repair.out());
        assertFalse(repair.err().contains("train width-10"), "no training: " + repair.err());
        assertArrayEquals(manifestBytes, Files.readAllBytes(manifest));
        assertEquals(2 * 39, csv("width-10", "deviations.csv").rowCount());
        assertArrayEquals(pigmmBytes, Files.readAllBytes(res.resolve("pigmm.csv")));
        JsonObject p = provenance("width-10");
        assertEquals(first.getAsJsonObject("training"), p.getAsJsonObject("training"));
        assertEquals("complete", p.get("status").getAsString());
    }

    @Test
    void anInterruptedStudyResumesAndAddsUpTheTrainingTime() throws IOException {
        assumeMnist();
        CliRun stopped = study("--settings", "gaussian,width-10", "--stop-after-epoch", "1");
        assertEquals(0, stopped.code(), stopped.err());
        assertTrue(stopped.out().contains("gaussian: stopped after epoch 1 of 2"), stopped.out());
        assertFalse(Files.exists(tmp.resolve("results/gaussian/pigmm.csv")));
        assertFalse(Files.exists(tmp.resolve("runs/smoke/width-10")), "the study stops at the interrupted setting");
        JsonObject during = provenance("gaussian");
        assertEquals("training", during.get("status").getAsString());
        assertEquals(1, during.getAsJsonObject("training").get("invocations").getAsInt());
        assertEquals(1, during.getAsJsonObject("run").get("epochsDone").getAsInt());
        assertEquals("running", during.getAsJsonObject("run").get("status").getAsString());
        double firstSeconds = during.getAsJsonObject("training").get("seconds").getAsDouble();

        CliRun resumed = study("--settings", "gaussian,width-10");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(RunDir.open(tmp.resolve("runs/smoke/gaussian")).isComplete());
        JsonObject done = provenance("gaussian");
        assertEquals("complete", done.get("status").getAsString());
        JsonObject t = done.getAsJsonObject("training");
        assertEquals(0, t.get("fromEpoch").getAsInt());
        assertEquals(2, t.get("invocations").getAsInt(), "epoch 1 in the first invocation, epoch 2 in the second");
        assertFalse(t.has("note"), t.toString());
        assertTrue(t.get("seconds").getAsDouble() > firstSeconds, t + " after " + firstSeconds);
        assertEquals(3 * 3, csv("gaussian", "pigmm.csv").rowCount());
        assertEquals("complete", provenance("width-10").get("status").getAsString());
    }

    @Test
    void aRunTrainedElsewhereIsAnalysedAndItsTimeMarkedUnknown() throws IOException {
        assumeMnist();
        // notebook 01 trains the run; the study then only analyses it
        PigmmStudyData nb = PigmmStudyData.open(Profile.SMOKE,
                Runs.from(Map.of(Runs.RUNS_ENV, tmp.resolve("runs").toString()), tmp, Profile.SMOKE));
        nb.run(nb.sizes().setting("width-10"));
        CliRun r = study("--settings", "width-10", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject row = r.json().getAsJsonArray("settings").get(0).getAsJsonObject();
        assertEquals("exported", row.get("status").getAsString());
        assertFalse(row.get("trained").getAsBoolean());
        JsonObject t = provenance("width-10").getAsJsonObject("training");
        assertEquals(1, t.get("fromEpoch").getAsInt());
        assertEquals(0, t.get("invocations").getAsInt());
        assertEquals(0.0, t.get("seconds").getAsDouble());
        assertTrue(t.get("note").getAsString().contains("trained outside netgauss study"), t.toString());
    }

    @Test
    void aRunOfAnotherEnsembleSizeIsNotTakenForTheSetting() {
        assumeMnist();
        // say width-10 was trained with another N before the sizes changed: the study must not analyse it as N = 12
        var old = org.netgauss.study.PigmmStudy.width(10, 5, 1, org.netgauss.study.PigmmStudySizes.SEED);
        org.netgauss.nn.Training.of(old.config()).withThreads(1)
                .run(org.netgauss.data.Synthetic.gaussianBlobs(200, 10, 784, 2, 3), tmp.resolve("runs/smoke/width-10"));
        CliRun r = study("--settings", "width-10");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("holds a run with another config (ensembleSize: stored 5, now 12"), r.err());
        assertFalse(Files.exists(tmp.resolve("results/width-10/pigmm.csv")));
    }

    @Test
    void anUnknownSettingIsNamedWithTheKnownOnes() {
        CliRun r = study("--settings", "gaussian,width-640");
        assertEquals(1, r.code());
        assertEquals("netgauss study: --settings: unknown setting 'width-640'; known: gaussian, gaussian-wd0.01, uniform,"
                + " uniform-wd0.01, width-10, width-40 (smoke profile)", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("runs")), "nothing is trained");
    }

    @Test
    void aResultsPathThatCannotBeWrittenFailsBeforeTraining() throws IOException {
        Files.writeString(tmp.resolve("results"), "a file where the folder should be");
        CliRun r = study("--settings", "width-10");
        assertEquals(1, r.code());
        assertEquals("netgauss study: --results " + tmp.resolve("results") + ": cannot write there (it is a file, not a"
                + " directory)", r.err().strip());
        assertFalse(Files.exists(tmp.resolve("runs")));
    }

    @Test
    void smokeResultsStayOutOfThePaperResultsFolder() throws IOException {
        Files.createDirectories(tmp.resolve("results"));
        Files.writeString(tmp.resolve("results/README.md"), "# Paper-profile results");
        CliRun r = study("--settings", "width-10");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("has a README.md, so the notebooks take it for the paper-profile results folder"),
                r.err());
    }

    @Test
    void resultsOfAnotherProfileAreNotOverwritten() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("results/width-10"));
        Files.writeString(dir.resolve("provenance.json"), "{\"setting\": \"width-10\", \"status\": \"complete\","
                + " \"profile\": \"quick\", \"setup\": {\"networks\": 24, \"epochs\": 2, \"trainSamples\": 10000}}");
        CliRun r = study("--settings", "width-10");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("it records quick-profile results (N = 24, E = 2, 10000 images), not smoke (N = 12,"
                + " E = 1, 2000 images); choose another --results or delete"), r.err());
        assertFalse(Files.exists(tmp.resolve("runs")));
    }

    @Test
    void cpuModelComesFromProcCpuinfo() throws IOException {
        Path f = tmp.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n"
                + "processor\t: 1\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\n");
        assertEquals("Intel(R) Xeon(R) CPU @ 2.20GHz", StudyProvenance.cpuModel(f).orElseThrow());
        assertTrue(StudyProvenance.cpuModel(tmp.resolve("absent")).isEmpty());
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("12.3 s", StudyCommand.duration(12.34));
        assertEquals("2m 05s", StudyCommand.duration(125));
        assertEquals("27h 46m 40s", StudyCommand.duration(100_000));
    }
}
