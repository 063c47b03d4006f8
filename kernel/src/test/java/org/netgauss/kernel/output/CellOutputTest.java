package org.netgauss.kernel.output;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellOutputTest {
    /** What a sink received, message by message. */
    private static final class Recorder implements CellOutput.Sink {
        final List<String[]> messages = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void send(String stream, String text) {
            messages.add(new String[] {stream, text});
        }

        String text(String stream) {
            StringBuilder b = new StringBuilder();
            synchronized (messages) {
                messages.stream().filter(m -> m[0].equals(stream)).forEach(m -> b.append(m[1]));
            }
            return b.toString();
        }
    }

    @Test
    void manyLinesArriveWholeInOrderAndInFewMessages() {
        CellOutput output = new CellOutput(10L << 20);
        Recorder r = new Recorder();
        output.attach(r);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            output.out().println("line " + i);
            expected.append("line ").append(i).append('\n');
        }
        output.detach();
        assertEquals(expected.toString(), r.text("stdout"));
        // 1.2 MB in 64 KB chunks: one message per println would be 100000
        assertTrue(r.messages.size() < 100, r.messages.size() + " messages");
    }

    @Test
    void switchingBetweenStdoutAndStderrKeepsTheOrder() {
        CellOutput output = new CellOutput(1 << 20);
        Recorder r = new Recorder();
        output.attach(r);
        output.out().print("a");
        output.err().print("b");
        output.out().print("c");
        output.drain();
        assertEquals(List.of("stdout:a", "stderr:b", "stdout:c"),
                r.messages.stream().map(m -> m[0] + ":" + m[1]).toList());
    }

    @Test
    void aShortLineIsSentWithoutADrainSoonAfter() throws Exception {
        CellOutput output = new CellOutput(1 << 20);
        Recorder r = new Recorder();
        output.attach(r);
        Thread.sleep(200); // the flusher is idle, waiting for output
        output.out().println("soon");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (r.messages.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("soon\n", r.text("stdout"));
    }

    @Test
    void pastTheLimitTheRestIsDroppedWithOneNoticeAndTheNextCellStartsAfresh() {
        CellOutput output = new CellOutput(1 << 20);
        Recorder r = new Recorder();
        output.attach(r);
        byte[] line = "0123456789abcdef\n".getBytes(StandardCharsets.US_ASCII); // 17 bytes
        for (int i = 0; i < 200_000; i++) {
            output.out().write(line, 0, line.length);
        }
        output.detach();
        assertEquals(1 << 20, r.text("stdout").length());
        String notice = r.text("stderr");
        assertEquals(1, notice.split("output truncated", -1).length - 1, notice);
        assertTrue(notice.contains("more than 1 MB"), notice);

        Recorder next = new Recorder();
        output.attach(next);
        output.out().print("fresh");
        output.detach();
        assertEquals("fresh", next.text("stdout"));
        assertEquals("", next.text("stderr"));
    }

    @Test
    void aCharacterCutByTheLimitIsLeftOutNotGarbled() {
        CellOutput output = new CellOutput(1 << 20);
        Recorder r = new Recorder();
        output.attach(r);
        byte[] a = "a".repeat((1 << 20) - 1).getBytes(StandardCharsets.UTF_8);
        output.out().write(a, 0, a.length);
        output.out().print("é"); // two bytes, one fits
        output.detach();
        String text = r.text("stdout");
        assertEquals((1 << 20) - 1, text.length());
        assertFalse(text.contains("\uFFFD"));
    }

    @Test
    void utf8PrefixStopsBeforeAnIncompleteSequence() {
        byte[] euro = "x€".getBytes(StandardCharsets.UTF_8); // 'x' then E2 82 AC
        assertEquals(4, Utf8.completePrefix(euro));
        assertEquals(1, Utf8.completePrefix(java.util.Arrays.copyOf(euro, 3)));
        assertEquals(1, Utf8.completePrefix(java.util.Arrays.copyOf(euro, 2)));
        byte[] emoji = "😀".getBytes(StandardCharsets.UTF_8);
        assertEquals(0, Utf8.completePrefix(java.util.Arrays.copyOf(emoji, 3)));
        assertEquals(4, Utf8.completePrefix(emoji));
        assertEquals(0, Utf8.completePrefix(new byte[0]));
    }

    @Test
    void outputOutsideACellIsDropped() {
        CellOutput output = new CellOutput(1 << 20);
        Recorder r = new Recorder();
        output.out().println("before");
        output.attach(r);
        output.out().println("during");
        output.detach();
        output.out().println("after");
        output.drain();
        assertEquals("during\n", r.text("stdout"));
    }

    @Test
    void anInterruptedPrinterIsNotHeldBackBySlowSending() throws Exception {
        CellOutput output = new CellOutput(100L << 20);
        CountDownLatch release = new CountDownLatch(1);
        output.attach((stream, text) -> {
            try {
                release.await(); // a client that reads nothing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicBoolean printed = new AtomicBoolean();
        Thread printer = new Thread(() -> {
            Thread.currentThread().interrupt();
            byte[] chunk = new byte[CellOutput.CHUNK_BYTES];
            for (int i = 0; i < 20; i++) {
                output.out().write(chunk, 0, chunk.length);
            }
            printed.set(true);
        });
        printer.start();
        printer.join(30_000);
        assertTrue(printed.get(), "an interrupted printer waited for the sink");
        release.countDown();
        output.detach();
    }

    @Test
    void theLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new CellOutput(0));
    }
}
