package org.netgauss.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every section citation ("§x.y") in the sources, notebooks and READMEs leads a reader to a file shipped in the
 * repository: the nearest {@code docs/spec/<file>.md} named before it, in the same comment, notebook cell or
 * paragraph, must exist and have a heading numbered x.y. Bare references to the unshipped {@code research/}
 * folder are refused.
 */
class SpecCitationsTest {

    private static final Path ROOT = Path.of("..");
    private static final Path SPEC = ROOT.resolve("docs/spec");
    private static final Pattern FILE = Pattern.compile("docs/spec/([A-Za-z0-9_-]+\\.md)");
    private static final Pattern SECTION = Pattern.compile("§\\s?(\\d+(?:\\.\\d+)*[a-z]?)");
    private static final Pattern HEADING = Pattern.compile("^#+\\s+(\\d+(?:\\.\\d+)*[a-z]?)\\.?\\s");
    private static final Pattern UNSHIPPED = Pattern.compile("(?<![/\\w])research/[A-Za-z0-9_-]+\\.md");
    /** A section of a published standard, cited by its own name: "RFC 3629 §3", "JLS 17 §14.11". */
    private static final Pattern STANDARD = Pattern.compile("(?:RFC|ISO|JLS|JEP|JSR|IEEE)[ \\d.:-]*\\d,? $");
    private static final Set<String> SCANNED = Set.of(".java", ".py", ".ipynb", ".md", ".yaml", ".txt", ".sh");

    private final Map<String, Set<String>> sections = new HashMap<>();

    @Test
    void everySectionCitationResolvesToAShippedSpecHeading() throws IOException {
        List<String> errors = new ArrayList<>();
        int checked = 0;
        for (Path file : scannedFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            for (String unit : units(file, text)) {
                checked += check(file, unit, errors);
            }
        }
        assertTrue(checked > 300, "only " + checked + " citations found: is the scan looking in the right place?");
        assertEquals(List.of(), errors, errors.size() + " unresolved citations");
    }

    @Test
    void theCheckerRejectsWhatItShould() {
        List<String> errors = new ArrayList<>();
        Path here = Path.of("Example.java");
        assertEquals(1, check(here, "see docs/spec/pigmm.md §2.4 and", errors));
        assertEquals(1, check(here, "announces 2 bytes (RFC 3629 §3)", errors));
        assertEquals(List.of(), errors);
        check(here, "a bare spec §2.4", errors);
        check(here, "docs/spec/pigmm.md §9.9", errors);
        check(here, "docs/spec/nowhere.md §1", errors);
        check(here, "spec research/pigmm.md", errors);
        check(here, "docs/spec/gaussian-preact.md §3a then docs/spec/pigmm.md §3a", errors);
        assertEquals(5, errors.size(), errors.toString());
    }

    /** Counts the § citations in one unit (a comment, cell or paragraph) and records those that do not resolve. */
    private int check(Path file, String unit, List<String> errors) {
        Matcher unshipped = UNSHIPPED.matcher(unit);
        while (unshipped.find()) {
            if (!unit.startsWith("docs/spec/", Math.max(0, unshipped.start() - 5))) {
                errors.add(file + ": cites unshipped " + unshipped.group() + " (ship it under docs/spec/)");
            }
        }
        Matcher named = FILE.matcher(unit);
        while (named.find()) {
            if (!Files.isRegularFile(SPEC.resolve(named.group(1)))) {
                errors.add(file + ": cites " + named.group() + ", which does not exist");
            }
        }
        int count = 0;
        Matcher section = SECTION.matcher(unit);
        while (section.find()) {
            count++;
            String spec = null;
            Matcher before = FILE.matcher(unit.substring(0, section.start()));
            while (before.find()) {
                spec = before.group(1);
            }
            String line = unit.substring(Math.max(0, section.start() - 60), Math.min(unit.length(), section.end()))
                    .replaceAll("\\s+", " ");
            if (spec == null && STANDARD.matcher(unit.substring(Math.max(0, section.start() - 20), section.start())).find()) {
                continue;
            }
            if (spec == null) {
                errors.add(file + ": '…" + line + "' names no docs/spec/<file>.md before the §");
            } else if (Files.isRegularFile(SPEC.resolve(spec)) && !headings(spec).contains(section.group(1))) {
                errors.add(file + ": '…" + line + "': docs/spec/" + spec + " has no section " + section.group(1));
            }
        }
        return count;
    }

    private Set<String> headings(String spec) {
        return sections.computeIfAbsent(spec, s -> {
            Set<String> found = new HashSet<>();
            try {
                for (String line : Files.readAllLines(SPEC.resolve(s), StandardCharsets.UTF_8)) {
                    Matcher m = HEADING.matcher(line);
                    if (m.find()) {
                        found.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return found;
        });
    }

    private static List<Path> scannedFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("toolkit/src", "kernel/src", "notebooks", "environment", "binder", "results", "docs")) {
            Path top = ROOT.resolve(dir);
            if (!Files.isDirectory(top)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(top)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !p.startsWith(SPEC) && !p.toString().contains(".ipynb_checkpoints"))
                        .filter(p -> SCANNED.stream().anyMatch(p.toString()::endsWith))
                        .filter(p -> !p.endsWith("SpecCitationsTest.java"))
                        .sorted().forEach(files::add);
            }
        }
        files.add(ROOT.resolve("README.md"));
        return files;
    }

    /**
     * The stretches a citation's file may be named in: a notebook cell; a Markdown paragraph; a block comment or a
     * run of line comments in code; otherwise one line.
     */
    private static List<String> units(Path file, String text) {
        String name = file.toString();
        if (name.endsWith(".ipynb")) {
            return List.of(text.split("\"cell_type\""));
        }
        if (name.endsWith(".md") || name.endsWith(".txt")) {
            return List.of(text.split("\\n\\s*\\n"));
        }
        List<String> units = new ArrayList<>();
        StringBuilder comment = new StringBuilder();
        boolean inBlock = false;
        for (String line : text.split("\\n", -1)) {
            String t = line.strip();
            boolean opens = t.startsWith("/*");
            boolean isComment = inBlock || opens || t.startsWith("*") || t.startsWith("//") || t.startsWith("#");
            if (opens && comment.length() > 0 || !isComment) {
                units.add(comment.toString());
                comment.setLength(0);
            }
            if (isComment) {
                comment.append(line).append('\n');
                inBlock = (inBlock || opens) && !t.contains("*/");
            } else {
                units.add(line);
            }
        }
        units.add(comment.toString());
        return units;
    }
}
