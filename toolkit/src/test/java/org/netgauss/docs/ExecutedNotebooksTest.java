package org.netgauss.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The executed notebooks committed under {@code docs/notebooks/} for readers are the notebooks of {@code notebooks/}:
 * same code cells in the same order (outputs aside), every code cell executed, every file under 5 MB.
 */
class ExecutedNotebooksTest {
    private static final Path EXECUTED = Path.of("..", "docs", "notebooks");
    private static final Path SOURCES = Path.of("..", "notebooks");

    @Test
    void executedNotebooksHaveTheCodeCellsOfTheirSources() throws IOException {
        List<Path> executed;
        try (Stream<Path> s = Files.list(EXECUTED)) {
            executed = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(executed.isEmpty(), "no executed notebook in " + EXECUTED.toAbsolutePath());
        for (Path e : executed) {
            Path source = SOURCES.resolve(e.getFileName());
            assertTrue(Files.isRegularFile(source), e + " has no source notebook " + source);
            List<String> committed = codeCells(e);
            assertEquals(codeCells(source), committed, e.getFileName() + " drifted from notebooks/: re-execute it");
            JsonObject nb = parse(e);
            for (JsonElement c : nb.getAsJsonArray("cells")) {
                JsonObject cell = c.getAsJsonObject();
                if (cell.get("cell_type").getAsString().equals("code") && !text(cell.get("source")).isBlank()) {
                    assertFalse(cell.get("execution_count").isJsonNull(), e.getFileName() + ": a code cell was not executed");
                }
            }
        }
    }

    @Test
    void everyCommittedFileIsUnderFiveMegabytes() throws IOException {
        try (Stream<Path> s = Files.list(EXECUTED)) {
            for (Path p : s.toList()) {
                assertTrue(Files.size(p) < 5_000_000, p + " is " + Files.size(p) + " bytes");
            }
        }
    }

    @Test
    void aChangedCodeCellIsDrift() {
        JsonObject a = JsonParser.parseString("{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"int x = 1;\"]},"
                + " {\"cell_type\": \"markdown\", \"source\": \"text\"}]}").getAsJsonObject();
        JsonObject b = JsonParser.parseString("{\"cells\": [{\"cell_type\": \"code\", \"source\": \"int x = 2;\"},"
                + " {\"cell_type\": \"markdown\", \"source\": \"other text\"}]}").getAsJsonObject();
        assertEquals(List.of("int x = 1;"), codeCells(a));
        assertFalse(codeCells(a).equals(codeCells(b)));
    }

    private static JsonObject parse(Path p) throws IOException {
        return JsonParser.parseString(Files.readString(p, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static List<String> codeCells(Path p) throws IOException {
        return codeCells(parse(p));
    }

    static List<String> codeCells(JsonObject nb) {
        List<String> out = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (cell.get("cell_type").getAsString().equals("code")) {
                out.add(text(cell.get("source")));
            }
        }
        return out;
    }

    /** A cell source is a string or a list of lines. */
    private static String text(JsonElement source) {
        if (source.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            source.getAsJsonArray().forEach(l -> b.append(l.getAsString()));
            return b.toString();
        }
        return source.getAsString();
    }
}
