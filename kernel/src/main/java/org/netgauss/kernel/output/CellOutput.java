package org.netgauss.kernel.output;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A cell's stdout and stderr, batched into stream messages. JJava sends one message per {@code println}, on the
 * printing thread: 1 MB printed line by line took 2.4 s and 50 MB never arrived. Here printing only appends to
 * a buffer; a flusher thread of its own sends what has gathered once it is {@value #LINGER_MILLIS} ms old or
 * {@value #CHUNK_BYTES} bytes long, so output still streams while a cell runs, in the order it was written
 * (a switch between stdout and stderr starts a new message). A printer that runs ahead of the flusher by more
 * than {@value #HIGH_WATER_BYTES} bytes waits, but never past an interrupt. What one cell may send is capped:
 * past {@code limitBytes} the rest is dropped and one notice on stderr says so. The printing thread never
 * touches a socket, so interrupting it cannot break one.
 */
public final class CellOutput {
    static final long LINGER_MILLIS = 50;
    static final int CHUNK_BYTES = 64 * 1024;
    static final int HIGH_WATER_BYTES = 4 * CHUNK_BYTES;
    private static final long DRAIN_PATIENCE_MILLIS = 10_000;

    /** Where batched text goes: one stream message per call. */
    @FunctionalInterface
    public interface Sink {
        void send(String stream, String text);
    }

    private final Object lock = new Object();
    private final long limitBytes;
    private final List<Segment> pending = new ArrayList<>();
    private final PrintStream out;
    private final PrintStream err;
    private int pendingBytes;
    private long firstPendingNanos;
    private long acceptedBytes;
    private boolean truncated;
    private boolean drainRequested;
    private boolean sending;
    private Sink sink;

    /** @param limitBytes most bytes one cell may print, stdout and stderr together */
    public CellOutput(long limitBytes) {
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("output limit must be > 0 bytes, found " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.out = new PrintStream(new StreamOf("stdout"), true, StandardCharsets.UTF_8);
        this.err = new PrintStream(new StreamOf("stderr"), true, StandardCharsets.UTF_8);
        Thread flusher = new Thread(this::flushLoop, "netgauss-output");
        flusher.setDaemon(true);
        flusher.start();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Starts a cell: its output goes to {@code sink}, and it may print {@code limitBytes} again. */
    public void attach(Sink sink) {
        synchronized (lock) {
            this.sink = sink;
            acceptedBytes = 0;
            truncated = false;
        }
    }

    /** Ends a cell: sends what is pending, then drops whatever is printed until the next {@link #attach}. */
    public void detach() {
        drain();
        synchronized (lock) {
            sink = null;
            pending.clear();
            pendingBytes = 0;
        }
    }

    /**
     * Sends everything printed so far and returns when it is sent (or after {@value #DRAIN_PATIENCE_MILLIS} ms,
     * or at once on an interrupted thread): call it before anything that must come after the text, such as a
     * result, an error, a display or an input request.
     */
    public void drain() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DRAIN_PATIENCE_MILLIS);
        out.flush();
        err.flush();
        synchronized (lock) {
            drainRequested = true;
            lock.notifyAll();
            try {
                while ((pendingBytes > 0 || sending) && System.nanoTime() < deadline) {
                    lock.wait(10);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                drainRequested = false;
            }
        }
    }

    private void write(String stream, byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        synchronized (lock) {
            if (sink == null || truncated) {
                return;
            }
            long room = limitBytes - acceptedBytes;
            int take = (int) Math.min(len, room);
            append(stream, b, off, take);
            acceptedBytes += take;
            if (take < len) {
                truncated = true;
                byte[] notice = ("\n[output truncated: this cell printed more than " + describe(limitBytes)
                        + "; the rest is not shown (the kernelspec's NETGAUSS_OUTPUT_LIMIT_MB sets the limit)]\n")
                        .getBytes(StandardCharsets.UTF_8);
                append("stderr", notice, 0, notice.length);
            }
            if (pendingBytes >= CHUNK_BYTES) {
                lock.notifyAll();
            }
            // a printer far ahead of the flusher waits for it, unless it is being interrupted
            try {
                while (pendingBytes >= HIGH_WATER_BYTES && sink != null && !Thread.currentThread().isInterrupted()) {
                    lock.wait(20);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void append(String stream, byte[] b, int off, int len) {
        if (pending.isEmpty()) {
            firstPendingNanos = System.nanoTime();
            lock.notifyAll(); // the flusher waits without a deadline while nothing is pending: give it one
        }
        Segment last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
        if (last == null || !last.stream.equals(stream)) {
            last = new Segment(stream);
            pending.add(last);
        }
        last.bytes.write(b, off, len);
        pendingBytes += len;
    }

    private void flushLoop() {
        while (true) {
            List<Segment> batch;
            Sink target;
            synchronized (lock) {
                try {
                    while (!due()) {
                        long waitMillis = pending.isEmpty() ? 0
                                : Math.max(1, LINGER_MILLIS - ageMillis());
                        lock.wait(waitMillis);
                    }
                } catch (InterruptedException e) {
                    return;
                }
                batch = new ArrayList<>(pending);
                pending.clear();
                pendingBytes = 0;
                target = sink;
                sending = true;
            }
            try {
                if (target != null) {
                    send(target, batch);
                }
            } catch (RuntimeException e) {
                // the socket is closing; what was printed is lost, the kernel is not
            } finally {
                synchronized (lock) {
                    sending = false;
                    lock.notifyAll();
                }
            }
        }
    }

    private boolean due() {
        return pendingBytes > 0 && (drainRequested || pendingBytes >= CHUNK_BYTES || ageMillis() >= LINGER_MILLIS);
    }

    private long ageMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstPendingNanos);
    }

    private void send(Sink target, List<Segment> batch) {
        for (Segment s : batch) {
            byte[] bytes = s.bytes.toByteArray();
            // a multi-byte character cut by the limit is dropped, not shown as garbage
            int end = Utf8.completePrefix(bytes);
            if (end > 0) {
                target.send(s.stream, new String(bytes, 0, end, StandardCharsets.UTF_8));
            }
        }
    }

    static String describe(long bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MB" : bytes + " bytes";
    }

    private static final class Segment {
        final String stream;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Segment(String stream) {
            this.stream = stream;
        }
    }

    /** The bytes of one stream; {@code flush} is a no-op, since the flusher decides when to send. */
    private final class StreamOf extends OutputStream {
        private final String stream;

        StreamOf(String stream) {
            this.stream = stream;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            CellOutput.this.write(stream, b, off, len);
        }
    }
}
