package org.netgauss.progress;

import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Progress of a long loop, shown where the code runs: in a notebook as one output with a progress bar that
 * is updated in place; on a terminal as a line rewritten with {@code \r}; in a log as plain lines.
 *
 * <pre>{@code
 * try (var p = Progress.start("epochs", 50)) {
 *     for (int epoch = 0; epoch < 50; epoch++) {
 *         double loss = trainOneEpoch();
 *         p.step("loss " + loss);
 *     }
 * }
 * for (var member : Progress.over("members", ensemble)) { ... }
 * }</pre>
 *
 * <p>Updates are throttled (at most five a second in a notebook or terminal, one every ten seconds in a
 * log), so calling {@link #step} in a tight loop costs little; {@link #close()} always shows the final
 * state. Works without JJava on the class path (it then never tries the notebook). A failing display is
 * reported once on stderr and then ignored, never thrown into the loop. Thread-safe: parallel workers may
 * share one instance.
 */
public final class Progress implements AutoCloseable {
    private final String label;
    private final long total;
    private final ProgressSink sink;
    private final LongSupplier clock;
    private final long start;
    private long done;
    private String message = "";
    private long lastShown;
    private boolean anyShown;
    private boolean closed;
    private boolean sinkFailed;

    Progress(String label, long total, ProgressSink sink, LongSupplier clock) {
        this.label = Objects.requireNonNull(label, "label");
        this.total = total;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.start = clock.getAsLong();
        show(false);
    }

    /** Starts showing progress over {@code total} steps of what {@code label} names. */
    public static Progress start(String label, long total) {
        if (total < 0) {
            throw new IllegalArgumentException("progress '" + label + "': total must be >= 0, found " + total);
        }
        return new Progress(label, total, autoSink(), System::nanoTime);
    }

    /** Starts showing progress with an unknown number of steps (a count and the time, no bar). */
    public static Progress start(String label) {
        return new Progress(label, 0, autoSink(), System::nanoTime);
    }

    /**
     * The items of {@code items}, counting each as one step when the loop moves past it; the final state is
     * shown when the iteration ends. (If the loop exits early the last shown state stays.)
     */
    public static <T> Iterable<T> over(String label, Collection<T> items) {
        return counting(items, () -> start(label, items.size()));
    }

    /** Iterates {@code items} with a fresh progress from {@code progress} for each iteration. */
    static <T> Iterable<T> counting(Collection<T> items, Supplier<Progress> progress) {
        return () -> new CountingIterator<>(items.iterator(), progress.get());
    }

    /** {@link #over(String, Collection)} labelled "items". */
    public static <T> Iterable<T> over(Collection<T> items) {
        return over("items", items);
    }

    /** One step done. */
    public void step() {
        advance(1, null);
    }

    /** One step done, with a new status message such as {@code "loss 0.31"}. */
    public void step(String message) {
        advance(1, message);
    }

    /**
     * {@code steps} steps done; {@code message} replaces the status text unless null.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void advance(long steps, String message) {
        if (closed) {
            throw new IllegalStateException("progress '" + label + "' was closed; start a new one");
        }
        done += steps;
        if (message != null) {
            this.message = message;
        }
        show(false);
    }

    /** Steps done so far. */
    public synchronized long done() {
        return done;
    }

    /** Steps expected ({@code 0} if unknown). */
    public long total() {
        return total;
    }

    /** Shows the final state. Idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            show(true);
        }
    }

    @Override
    public synchronized String toString() {
        return state(false).text();
    }

    private ProgressState state(boolean finished) {
        return new ProgressState(label, done, total, message, clock.getAsLong() - start, finished);
    }

    private void show(boolean finished) {
        if (sinkFailed) {
            return;
        }
        long now = clock.getAsLong();
        if (finished || !anyShown || now - lastShown >= sink.minIntervalNanos()) {
            try {
                sink.show(state(finished));
            } catch (RuntimeException e) {
                // a display problem (e.g. the cell's output channel is gone) must not stop a training run
                sinkFailed = true;
                System.err.println("progress '" + label + "': display failed, continuing without it: " + e);
            }
            lastShown = now;
            anyShown = true;
        }
    }

    /** The notebook when a JJava kernel runs, else stderr (as a terminal line or as log lines). */
    static ProgressSink autoSink() {
        ProgressSink notebook = notebookSinkIfRunning();
        return notebook != null ? notebook
                : new StreamProgressSink(System.err, StreamProgressSink.attachedToTerminal());
    }

    private static ProgressSink notebookSinkIfRunning() {
        try {
            // Check for JJava before touching JupyterProgressSink, whose code names JJava types.
            Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel", false, Progress.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        return JupyterProgressSink.ifKernelRunning();
    }

    /** Steps the progress each time the loop comes back for the next item. */
    private static final class CountingIterator<T> implements Iterator<T> {
        private final Iterator<T> items;
        private final Progress progress;
        private boolean pending;

        CountingIterator(Iterator<T> items, Progress progress) {
            this.items = items;
            this.progress = progress;
        }

        @Override
        public boolean hasNext() {
            completePending();
            boolean more = items.hasNext();
            if (!more) {
                progress.close();
            }
            return more;
        }

        @Override
        public T next() {
            completePending();
            if (!items.hasNext()) {
                progress.close();
                throw new NoSuchElementException();
            }
            T item = items.next();
            pending = true;
            return item;
        }

        private void completePending() {
            if (pending) {
                pending = false;
                progress.step();
            }
        }
    }
}
