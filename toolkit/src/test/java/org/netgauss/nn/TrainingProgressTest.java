package org.netgauss.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netgauss.data.Dataset;
import org.netgauss.data.Synthetic;
import org.netgauss.notebook.TableHtml;
import org.netgauss.store.RunDir;
import tech.tablesaw.api.Table;

class TrainingProgressTest {
    @TempDir
    Path tmp;

    @Test
    void progressStepsOncePerEpochKeepsTheUsersListenerAndTheSummaryRenders() {
        Dataset all = Synthetic.gaussianBlobs(240, 3, 5, 3.0, 4);
        Dataset train = all.first(200);
        Dataset test = all.subset("test", java.util.stream.IntStream.range(200, 240).toArray());
        List<Integer> seen = new ArrayList<>();
        Training t = Training.of(TrainingConfig.defaults(Mlp.of(5, 4, 3)).withEnsembleSize(2).withEpochs(3)
                        .withBatchSize(20)).withValidation(test).withThreads(1).withListener(m -> seen.add(m.epoch()));
        PrintStream old = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        RunDir run;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            run = t.run(train, tmp.resolve("blobs"));
        } finally {
            System.setErr(old);
        }
        assertEquals(List.of(1, 2, 3), seen);
        String shown = err.toString(StandardCharsets.UTF_8);
        // outside a kernel the bar goes to stderr; its final state says 3 of 3 epochs with the last status
        assertTrue(shown.contains("train blobs (2 members)") && shown.contains("3/3") && shown.contains("epoch 3, mean loss"),
                shown);
        Table summary = run.epochSummary();
        assertEquals(3, summary.rowCount());
        assertEquals(2, summary.intColumn("members").get(0));
        assertTrue(summary.doubleColumn("mean_test_accuracy").get(2) > 0.5, summary.print());
        assertTrue(TableHtml.render(summary).contains("mean_train_loss"), "renders as HTML in a cell");
    }
}
