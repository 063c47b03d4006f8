package org.netgauss.kernel.execution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A cell cannot end the JVM: every way snippet code can name System.exit, Runtime.exit or Runtime.halt fails the
 * cell with {@link ExitRefusedError}, and the next cell runs. If the rewrite missed one, this test's JVM would
 * end and the build would report the fork's crash.
 */
class ExitRefusedTest {
    private static CellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = CellEvaluator.create(ExitRefusedTest.class.getClassLoader(), List.of(), 0);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(3);",
            "Runtime.getRuntime().exit(4);",
            "Runtime.getRuntime().halt(5);",
            "void quit() { System.exit(6); }\nquit();",
            "java.util.function.IntConsumer q = System::exit;\nq.accept(7);",
            "java.util.function.IntConsumer q = Runtime.getRuntime()::halt;\nq.accept(8);",
            "java.util.function.BiConsumer<Runtime, Integer> q = Runtime::exit;\nq.accept(Runtime.getRuntime(), 9);",
            "try { System.exit(10); } catch (Exception e) { System.out.println(\"swallowed\"); }",
            "class Quitter { static { } void go() { Runtime.getRuntime().exit(11); } }\nnew Quitter().go();",
            "new Thread(() -> {}).run(); java.util.stream.IntStream.of(12).forEach(System::exit);",
    })
    void everyWayToEndTheJvmFailsTheCellInstead(String cell) {
        CellRuntimeException e = assertThrows(CellRuntimeException.class, () -> evaluator.eval(cell));
        ExitRefusedError refused = assertInstanceOf(ExitRefusedError.class, e.thrown());
        assertTrue(refused.getMessage().matches("(System|Runtime)\\.(exit|halt)\\(\\d+\\) would end the JVM .*"),
                refused.getMessage());
        assertEquals(2, evaluator.eval("1 + 1"), "the next cell runs");
    }

    @Test
    void theReportNamesTheCallAndTheNotebookCodeNotTheKernel() {
        CellRuntimeException e = assertThrows(CellRuntimeException.class,
                () -> evaluator.eval("void shutItDown() { System.exit(42); }\nshutItDown();"));
        List<String> lines = e.describe();
        assertTrue(lines.get(0).contains("System.exit(42) would end the JVM"), lines.toString());
        assertTrue(lines.contains("    at shutItDown(declared in the notebook)"), lines.toString());
    }

    @Test
    void exitIsStillCallableAsAnOrdinaryNameElsewhere() {
        evaluator.eval("class Door { int exit(int x) { return x + 1; } }");
        assertEquals(3, evaluator.eval("new Door().exit(2)"));
    }
}
