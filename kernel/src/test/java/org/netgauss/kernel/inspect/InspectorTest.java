package org.netgauss.kernel.inspect;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.netgauss.kernel.execution.CellEvaluator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shift-Tab on toolkit names shows the toolkit's javadoc, read from its sources (the toolkit is on the test path). */
class InspectorTest {
    private static final Path SOURCES = Path.of("../toolkit/src/main/java").toAbsolutePath().normalize();
    private static CellEvaluator evaluator;
    private static Inspector inspector;

    @BeforeAll
    static void start() {
        assertTrue(Files.isDirectory(SOURCES), SOURCES + " is missing");
        evaluator = CellEvaluator.create(InspectorTest.class.getClassLoader(), List.of(), 0);
        evaluator.eval("import org.netgauss.pigmm.*;");
        inspector = new Inspector(evaluator.shell(), new SourceJavadoc(SOURCES.toString()));
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    private static String text(DisplayData d) {
        return (String) d.getData(MIMEType.TEXT_PLAIN);
    }

    @Test
    void shiftTabOnPigmmFitShowsItsJavadocWithTheFormula() {
        DisplayData d = inspector.inspect("Pigmm.fit", "Pigmm.fit".length());
        String text = text(d);
        assertTrue(text.contains("PigmmFit Pigmm.fit(WeightEnsemble ensemble)\nFits the PIGMM to an ensemble of D x D"
                + " matrices by moment matching"), text);
        assertTrue(text.contains("f1, f2 = mean_n S_{0,1}, mean_n S_{0,2}"), text);
        assertTrue(text.contains("PigmmFit Pigmm.fit(java.nio.file.Path npy)\n{@link #fit(WeightEnsemble)} of the"
                + " ensemble in a {@code .npy} file"), text);
        assertTrue(((String) d.getData(MIMEType.TEXT_HTML)).contains("<pre>Fits the PIGMM"), "HTML has it too");
    }

    @Test
    void aQualifiedClassNameShowsTheClassJavadoc() {
        String code = "org.netgauss.pigmm.Pigmm";
        String text = text(inspector.inspect(code, code.length()));
        String source = readFirstDocLine("org/netgauss/pigmm/Pigmm.java");
        assertTrue(text.startsWith("org.netgauss.pigmm.Pigmm\n" + source), text);
    }

    @Test
    void jdkNamesStillShowTheirSignature() {
        DisplayData d = inspector.inspect("Math.abs", 8);
        assertTrue(text(d).contains("Math.abs(int a)"), text(d));
    }

    @Test
    void nothingAtTheCursorGivesNothing() {
        assertNull(inspector.inspect("   ", 1));
        assertNull(inspector.inspect("", 0));
    }

    @Test
    void signaturesParseIntoOwnerMemberAndParameters() {
        assertEquals(new Inspector.Signature("Pigmm", "fit", List.of("java.nio.file.Path")),
                Inspector.Signature.parse("PigmmFit Pigmm.fit(java.nio.file.Path npy)"));
        assertEquals(new Inspector.Signature("a.B", "<init>", List.of("Map<String, Integer>", "int[]")),
                Inspector.Signature.parse("a.B(Map<String, Integer> m, int[] xs)"));
        assertEquals(new Inspector.Signature("a.b.C", null, null), Inspector.Signature.parse("a.b.C"));
        assertEquals(new Inspector.Signature("C", "MAX", null), Inspector.Signature.parse("int C.MAX"));
        assertEquals(new Inspector.Signature("C", "of", List.of("T...")),
                Inspector.Signature.parse("<T> List<T> C.of(T... xs)"));
    }

    @Test
    void commentsAreCleanedAndTypesComparedBySimpleName() {
        assertEquals("first\n\nsecond", SourceJavadoc.clean("\n     * first\n     *\n     * second\n     "));
        assertEquals("List", SourceJavadoc.simple("java.util.List<java.lang.String>"));
        assertEquals("double[][]", SourceJavadoc.simple("double[] []"));
        assertEquals("Object[]", SourceJavadoc.simple("Object..."));
    }

    private static String readFirstDocLine(String relative) {
        try {
            String src = Files.readString(SOURCES.resolve(relative));
            String doc = src.substring(src.indexOf("/**") + 3);
            return doc.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElseThrow()
                    .replaceFirst("^\\* ?", "");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
