package org.netgauss.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The executed paper-profile notebooks committed under {@code docs/notebooks/} ({@code reproduce --publish}) are
 * what a reader sees without running anything: one for every notebook of {@code notebooks/}, every chart in them a
 * real plot (plot area present, data drawn, as {@link ChartOutputs} measures it), no error output, and no absolute
 * path of the machine that ran them.
 */
class PublishedNotebooksTest {
    private static final Path PUBLISHED = JupyterHarness.ROOT.resolve("docs/notebooks");
    private static final Path SOURCES = JupyterHarness.ROOT.resolve("notebooks");
    /** Home, repository, scratch and user directories as they appear on Linux and macOS machines. */
    private static final Pattern MACHINE_PATH = Pattern.compile("(?<![\\w.~])/(?:root|home|Users|work|tmp|var/folders)/");

    @Test
    void everyNotebookIsPublished() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path source : list(SOURCES)) {
            if (!Files.isRegularFile(PUBLISHED.resolve(source.getFileName()))) {
                missing.add(source.getFileName().toString());
            }
        }
        assertEquals(List.of(), missing, "not published (environment/bin/reproduce --publish NAME)");
    }

    @Test
    void everyPublishedChartIsARealPlot() throws IOException {
        List<String> blank = new ArrayList<>();
        int charts = 0;
        for (Path nb : list(PUBLISHED)) {
            for (ChartOutputs.Chart c : ChartOutputs.of(nb)) {
                charts++;
                if (!c.real()) {
                    blank.add(c.toString());
                }
            }
        }
        assertTrue(charts > 0, "no chart in " + PUBLISHED);
        assertEquals(List.of(), blank, "blank or unguarded charts in the published notebooks");
    }

    @Test
    void noPublishedNotebookShowsAnErrorOrAMachinePath() throws IOException {
        for (Path nb : list(PUBLISHED)) {
            String text = withoutImages(Files.readString(nb, StandardCharsets.UTF_8));
            assertFalse(text.contains("\"output_type\": \"error\""), nb.getFileName() + " shows an error output");
            Matcher m = MACHINE_PATH.matcher(text);
            assertFalse(m.find(), () -> nb.getFileName() + " names a path of the machine that ran it: "
                    + text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 60)));
        }
    }

    @Test
    void theMachinePathPatternCatchesHomesButNotRelativePaths() {
        assertTrue(MACHINE_PATH.matcher("Mnist[/root/.cache/netgauss/mnist]").find());
        assertTrue(MACHINE_PATH.matcher("\"/home/ada/runs\"").find());
        assertTrue(MACHINE_PATH.matcher("at /Users/ada/netgauss").find());
        assertFalse(MACHINE_PATH.matcher("Mnist[~/.cache/netgauss/mnist]").find());
        assertFalse(MACHINE_PATH.matcher("results/gaussian/work/x and docs/tmp/").find());
        String nb = "{\"cells\": [{\"cell_type\": \"code\", \"outputs\": [{\"data\": {\"image/png\": \"ab//tmp/cd\","
                + " \"text/plain\": \"XYChart 400x300\"}}]}]}";
        assertFalse(MACHINE_PATH.matcher(withoutImages(nb)).find());
        assertTrue(withoutImages(nb).contains("XYChart 400x300"));
    }

    /** The notebook's JSON without its base64 images, whose alphabet could spell a path by chance. */
    static String withoutImages(String json) {
        JsonObject nb = JsonParser.parseString(json).getAsJsonObject();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonArray outputs = c.getAsJsonObject().getAsJsonArray("outputs");
            for (JsonElement o : outputs == null ? new JsonArray() : outputs) {
                JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
                if (data != null) {
                    data.keySet().removeIf(k -> k.startsWith("image/"));
                }
            }
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(nb);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }
}
