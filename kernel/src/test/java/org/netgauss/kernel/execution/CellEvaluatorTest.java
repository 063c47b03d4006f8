package org.netgauss.kernel.execution;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEvaluatorTest {
    private static CellEvaluator evaluator;

    @BeforeAll
    static void start() {
        evaluator = CellEvaluator.create(CellEvaluatorTest.class.getClassLoader(), List.of(), 0);
    }

    @AfterAll
    static void stop() {
        evaluator.close();
    }

    @Test
    void lastExpressionIsTheCellValueAsAnObject() {
        Object value = evaluator.eval("int a = 6;\nint b = 7;\njava.util.List.of(a, b, a * b)");
        assertEquals(List.of(6, 7, 42), value);
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() {
        assertNull(evaluator.eval("int unused = 3;"));
        assertNull(evaluator.eval("void noop() {}"));
        assertNull(evaluator.eval("noop();"));
    }

    @Test
    void trailingSemicolonSilencesAnExpression() {
        assertNull(evaluator.eval("Integer.valueOf(5);"));
        assertEquals(5, evaluator.eval("Integer.valueOf(5)"));
    }

    @Test
    void declarationsSurviveAcrossCells() {
        evaluator.eval("record Point(int x, int y) { int sum() { return x + y; } }");
        evaluator.eval("var p = new Point(2, 3);");
        assertEquals(5, evaluator.eval("p.sum()"));
    }

    @Test
    void compileErrorPointsAtTheLineOfTheCell() {
        CompilationException e = assertThrows(CompilationException.class,
                () -> evaluator.eval("int ok = 1;\n\nint bad = undefinedName + 1;"));
        assertEquals(3, e.diagnostics().get(0).line());
        assertTrue(e.diagnostics().get(0).message().contains("cannot find symbol"), e.diagnostics().toString());
        assertTrue(String.join("\n", e.describe()).contains("line 3"));
    }

    @Test
    void runtimeExceptionKeepsTheOriginalThrowableAndUserFrames() {
        evaluator.eval("int divide(int a, int b) { return a / b; }");
        CellRuntimeException e = assertThrows(CellRuntimeException.class, () -> evaluator.eval("divide(1, 0)"));
        assertInstanceOf(ArithmeticException.class, e.thrown());
        List<String> lines = e.describe();
        assertEquals("java.lang.ArithmeticException: / by zero", lines.get(0));
        assertTrue(lines.contains("    at divide(declared in the notebook)"), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("org.netgauss.kernel") || l.contains("reflect")),
                lines.toString());
    }

    @Test
    void unbalancedBracesAreReportedAsIncomplete() {
        IncompleteCellException e = assertThrows(IncompleteCellException.class,
                () -> evaluator.eval("int y = 1;\nfor (int i = 0; i < 3; i++) {\n  y++;"));
        assertEquals(2, e.line());
    }

    @Test
    void isCompleteDistinguishesCompleteIncompleteAndInvalid() {
        assertEquals("complete", evaluator.isComplete("int z = 1;"));
        assertEquals("    ", evaluator.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals("invalid", evaluator.isComplete("int 1x = ;"));
    }

    @Test
    void interruptStopsAnInfiniteLoopAndTheNextCellRuns() throws Exception {
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval("long spins = 0;\nwhile (true) { spins++; }");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(500);
        evaluator.interrupt();
        Throwable t = running.get(10, TimeUnit.SECONDS);
        assertInstanceOf(CellInterruptedException.class, t);
        assertEquals(4, evaluator.eval("2 + 2"));
    }

    @Test
    void interruptStopsASleepingCell() throws Exception {
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval("Thread.sleep(60_000);");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(500);
        evaluator.interrupt();
        assertInstanceOf(CellInterruptedException.class, running.get(10, TimeUnit.SECONDS));
        assertEquals("ok", evaluator.eval("\"ok\""));
    }

    /** Interrupts from another thread, as the control socket does, and waits until the call has returned. */
    private static void interruptFromAnotherThread() {
        Thread control = new Thread(evaluator::interrupt, "control");
        control.start();
        try {
            control.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs {@code cell} on its own thread and returns what it threw (null if nothing) within 10 s. */
    private static Throwable evalWithin10s(String cell) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                evaluator.eval(cell);
                return null;
            } catch (Throwable t) {
                return t;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    @Test
    void interruptWhileTheCellIsCompiledStopsItAsItStarts() throws Exception {
        evaluator.beforeCompile(CellEvaluatorTest::interruptFromAnotherThread);
        try {
            assertInstanceOf(CellInterruptedException.class, evalWithin10s("while (true) { }"));
        } finally {
            evaluator.beforeCompile(() -> { });
        }
        assertEquals(4, evaluator.eval("2 + 2"));
    }

    @Test
    void interruptWhileALaterSnippetIsCompiledStopsTheCellThere() throws Exception {
        evaluator.eval("int reached = 0;");
        int[] compiles = {0};
        evaluator.beforeCompile(() -> {
            if (++compiles[0] == 2) {
                interruptFromAnotherThread();
            }
        });
        try {
            assertInstanceOf(CellInterruptedException.class,
                    evalWithin10s("reached = 1;\nwhile (true) { }\nreached = 3;"));
        } finally {
            evaluator.beforeCompile(() -> { });
        }
        assertEquals(2, compiles[0], "the snippet after the interrupted one was compiled");
        assertEquals(1, evaluator.eval("reached"));
    }

    @Test
    void interruptOfACellThatWaitsToStartStopsItAsItStarts() throws Exception {
        evaluator.beginCell(); // the kernel took the request; JShell is still busy (starting up)
        try {
            interruptFromAnotherThread();
            assertInstanceOf(CellInterruptedException.class, evalWithin10s("while (true) { }"));
        } finally {
            evaluator.endCell();
        }
        assertEquals(6, evaluator.eval("3 + 3"));
    }

    @Test
    void interruptWithNoCellOpenIsNotCarriedOverToTheNextCell() throws Exception {
        interruptFromAnotherThread();
        assertNull(evalWithin10s("long sum = 0;\nfor (int i = 0; i < 1_000_000; i++) { sum += i; }"));
        assertEquals(499_999_500_000L, evaluator.eval("sum"));
        // nor is it reported for the next cell that throws
        CellRuntimeException e = assertThrows(CellRuntimeException.class,
                () -> evaluator.eval("throw new IllegalStateException(\"own failure\");"));
        assertEquals("own failure", e.thrown().getMessage());
    }

    @Test
    void anInterruptTheCellDidNotUseEndsWithIt() throws Exception {
        evaluator.beginCell();
        try {
            assertEquals(5, evaluator.eval("5"));
            interruptFromAnotherThread(); // after the cell's code finished, before the kernel closed it
        } finally {
            evaluator.endCell();
        }
        assertNull(evalWithin10s("for (int i = 0; i < 1000; i++) { Thread.sleep(0); }"));
        CellRuntimeException e = assertThrows(CellRuntimeException.class,
                () -> evaluator.eval("throw new UnsupportedOperationException(\"not an interrupt\");"));
        assertInstanceOf(UnsupportedOperationException.class, e.thrown());
    }

    @Test
    void timeoutStopsALongCell() {
        try (CellEvaluator limited = CellEvaluator.create(getClass().getClassLoader(), List.of(), 300)) {
            CellInterruptedException e = assertThrows(CellInterruptedException.class,
                    () -> limited.eval("while (true) {}"));
            assertEquals(300, e.timeoutMillis());
            assertEquals(1, limited.eval("1"));
        }
    }
}
