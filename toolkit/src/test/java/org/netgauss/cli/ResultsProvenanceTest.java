package org.netgauss.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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

/** Committed results carry no absolute path of the machine that made them (provenance, CSVs, JSON, README). */
class ResultsProvenanceTest {
    private static final Path RESULTS = Path.of("..", "results");
    /** An absolute Unix or Windows path: "/x/..." after a quote, space, '=' or line start, or "C:\". */
    static final Pattern ABSOLUTE = Pattern.compile("(?:^|[\\s\"'=(])(/(?!proc/|dev/)[A-Za-z0-9._-]+/[^\\s\"']*|[A-Za-z]:\\\\\\S*)",
            Pattern.MULTILINE);

    @Test
    void noCommittedResultFileNamesAnAbsolutePath() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(RESULTS)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(json|csv|md)")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no results at " + RESULTS.toAbsolutePath());
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            Matcher m = ABSOLUTE.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                found.add(RESULTS.relativize(f) + ": " + m.group(1));
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternFindsAbsolutePathsAndLeavesRelativeOnesAndRatios() {
        for (String bad : List.of("\"directory\": \"/root/.cache/x\"", "--runs /work/main/results", "at C:\\Users\\x")) {
            Matcher m = ABSOLUTE.matcher(bad);
            assertEquals(true, m.find(), bad);
        }
        for (String ok : List.of("\"directory\": \"paper/gaussian\"", "from /proc/cpuinfo", "--results results", "1/D and 0.87/sqrt(N)",
                "observed/Wick 8.6", "docs/spec/pigmm.md")) {
            assertFalse(ABSOLUTE.matcher(ok).find(), ok);
        }
    }
}
