package org.netgauss.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class ProgressTest {
    /** A clock the test moves by hand. */
    static final class FakeClock {
        long now = 1_000_000_000L;

        long read() {
            return now;
        }

        void advanceMillis(long ms) {
            now += ms * 1_000_000L;
        }
    }

    /** Records every state shown, with a given throttle interval. */
    static final class RecordingSink implements ProgressSink {
        final List<ProgressState> shown = new ArrayList<>();
        final long interval;

        RecordingSink(long intervalMillis) {
            this.interval = intervalMillis * 1_000_000L;
        }

        @Override
        public void show(ProgressState state) {
            shown.add(state);
        }

        @Override
        public long minIntervalNanos() {
            return interval;
        }
    }

    @Test
    void updatesAreThrottledButTheFinalStateIsAlwaysShown() {
        FakeClock clock = new FakeClock();
        RecordingSink sink = new RecordingSink(200);
        try (Progress p = new Progress("epochs", 100, sink, clock::read)) {
            for (int i = 0; i < 100; i++) {
                clock.advanceMillis(30); // 100 steps over 3 s, 30 ms apart
                p.step("loss " + i);
            }
        }
        // start + one update per 200 ms (every 7th step: 210 ms) + final
        assertEquals(1 + 100 / 7 + 1, sink.shown.size());
        ProgressState last = sink.shown.get(sink.shown.size() - 1);
        assertTrue(last.finished());
        assertEquals(100, last.done());
        assertEquals("loss 99", last.message());
        assertEquals(3_000_000_000L, last.elapsedNanos());
        for (int i = 1; i < sink.shown.size() - 1; i++) {
            assertTrue(sink.shown.get(i).elapsedNanos() - sink.shown.get(i - 1).elapsedNanos() >= 200_000_000L);
        }
    }

    @Test
    void startStateIsShownAtOnceAndCloseIsIdempotent() {
        RecordingSink sink = new RecordingSink(200);
        Progress p = new Progress("members", 10, sink, new FakeClock()::read);
        assertEquals(1, sink.shown.size());
        assertEquals(0, sink.shown.get(0).done());
        p.close();
        p.close();
        assertEquals(2, sink.shown.size());
        assertThrows(IllegalStateException.class, p::step);
    }

    @Test
    void textLineShowsBarCountPercentElapsedRemainingAndMessage() {
        ProgressState s = new ProgressState("epochs", 15, 50, "loss 0.31", 12_000_000_000L, false);
        assertEquals("epochs [#########.....................] 15/50  30%  0:12<0:28  loss 0.31", s.text());
        ProgressState end = new ProgressState("epochs", 50, 50, "", 3_723_000_000_000L, true);
        assertEquals("epochs [##############################] 50/50 100%  1:02:03", end.text());
        ProgressState unknown = new ProgressState("batches", 7, 0, "", 61_000_000_000L, false);
        assertEquals("batches 7  1:01", unknown.text());
    }

    @Test
    void htmlHasAProgressElementAndEscapesText() {
        ProgressState s = new ProgressState("a<b", 3, 4, "x & y", 0, false);
        String html = s.html();
        assertTrue(html.contains("<progress value=\"3\" max=\"4\"></progress>"), html);
        assertTrue(html.contains("a&lt;b") && html.contains("x &amp; y"), html);
        assertFalse(html.contains("a<b"));
    }

    @Test
    void terminalModeRewritesOneLineAndEndsWithNewline() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamProgressSink sink = new StreamProgressSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        FakeClock clock = new FakeClock();
        try (Progress p = new Progress("n", 2, sink, clock::read)) {
            clock.advanceMillis(500);
            p.step("longer message");
            clock.advanceMillis(500);
            p.step("short");
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(4, out.split("\r", -1).length - 1, out); // start, 2 steps, final
        assertEquals(1, out.split("\n", -1).length - 1, out);
        assertTrue(out.endsWith("\n") && out.contains("2/2 100%"), out);
        // the shorter third line is padded to wipe the longer second one
        String third = out.split("\r")[3];
        String second = out.split("\r")[2];
        assertTrue(third.length() >= second.length(), out);
    }

    @Test
    void logModeWritesPlainLinesAtMostEveryTenSeconds() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StreamProgressSink sink = new StreamProgressSink(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        FakeClock clock = new FakeClock();
        try (Progress p = new Progress("epochs", 60, sink, clock::read)) {
            for (int i = 0; i < 60; i++) {
                clock.advanceMillis(1000);
                p.step();
            }
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r"));
        // start, at 10 s, 20 s, ..., 60 s, final
        assertEquals(1 + 6 + 1, out.split("\n").length, out);
    }

    @Test
    void overCountsEachItemWhenTheLoopMovesOnAndClosesAtTheEnd() {
        RecordingSink sink = new RecordingSink(0);
        Progress[] progress = new Progress[1];
        Iterable<String> items = Progress.counting(List.of("a", "b", "c"),
                () -> progress[0] = new Progress("items", 3, sink, new FakeClock()::read));
        List<Long> doneWhenItemArrives = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        for (String item : items) {
            seen.append(item);
            doneWhenItemArrives.add(progress[0].done());
        }
        assertEquals("abc", seen.toString());
        // an item counts as done when the loop asks for the next one
        assertEquals(List.of(0L, 1L, 2L), doneWhenItemArrives);
        assertEquals(3, progress[0].done());
        ProgressState last = sink.shown.get(sink.shown.size() - 1);
        assertTrue(last.finished());
        assertEquals(3, last.done());
    }

    @Test
    void aFailingDisplayNeverBreaksTheLoop() {
        int[] calls = new int[1];
        ProgressSink broken = new ProgressSink() {
            @Override
            public void show(ProgressState state) {
                calls[0]++;
                throw new IllegalStateException("no cell to display in");
            }

            @Override
            public long minIntervalNanos() {
                return 0;
            }
        };
        try (Progress p = new Progress("epochs", 3, broken, new FakeClock()::read)) {
            p.step();
            p.step();
            p.step();
            assertEquals(3, p.done());
        }
        assertEquals(1, calls[0]); // tried once, then left alone
    }

    @Test
    void notebookOutputHasHtmlAndText() {
        DisplayData data = JupyterProgressSink.displayData(new ProgressState("epochs", 1, 2, "", 0, false));
        assertTrue(((String) data.getData(MIMEType.TEXT_HTML)).contains("<progress"));
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).startsWith("epochs ["));
    }

    @Test
    void outsideAKernelProgressFallsBackToText() {
        // JJava is on the test class path but no kernel runs: the sink must be the stream one
        assertTrue(Progress.autoSink() instanceof StreamProgressSink);
    }
}
