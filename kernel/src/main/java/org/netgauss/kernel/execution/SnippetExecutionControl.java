package org.netgauss.kernel.execution;

import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * JShell's in-process execution, changed in three ways: snippets run on a {@link SnippetThread} so that a
 * cell can be interrupted or timed out; the value of each snippet is kept as an object (JShell only sees a
 * key to it), so the kernel renders real objects rather than strings; and the exception a snippet threw is
 * kept whole, with its causes, for the error report.
 */
final class SnippetExecutionControl extends DirectExecutionControl {
    private final SnippetLoaderDelegate loaderDelegate;
    private final long timeoutMillis;
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicInteger nextKey = new AtomicInteger();
    private final AtomicReference<SnippetThread> running = new AtomicReference<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ExecutorService executor;
    private volatile Throwable lastThrown;
    private volatile boolean interrupted;
    private volatile boolean timedOut;
    /** Guards {@link #cellDepth}, {@link #stopPending} and the hand-over of {@link #running}. */
    private final Object stopLock = new Object();
    /** How many cells are open ({@link #beginCell()}): more than one when a cell runs another, as %load does. */
    private int cellDepth;
    /** An interrupt aimed at the open cell, kept until the cell ends: its next snippet stops as it starts. */
    private boolean stopPending;

    SnippetExecutionControl(SnippetLoaderDelegate loaderDelegate, long timeoutMillis) {
        super(loaderDelegate);
        this.loaderDelegate = loaderDelegate;
        this.timeoutMillis = timeoutMillis;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            SnippetThread t = new SnippetThread(r, "notebook-" + threadCount.incrementAndGet());
            t.setContextClassLoader(loaderDelegate.classLoader());
            return t;
        });
    }

    ClassLoader classLoader() {
        return loaderDelegate.classLoader();
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Future<Object> future = executor.submit(() -> {
            SnippetThread self = (SnippetThread) Thread.currentThread();
            self.clearStop();
            Thread.interrupted(); // a stale interrupt from an earlier cell must not hit this one
            if (!startRunning(self)) {
                throw new CellInterruptedError(); // interrupted while it was compiled or queued
            }
            try {
                return doitMethod.invoke(null);
            } finally {
                running.set(null);
            }
        });
        try {
            Object value = timeoutMillis > 0 ? future.get(timeoutMillis, TimeUnit.MILLISECONDS) : future.get();
            String key = "#" + nextKey.incrementAndGet();
            results.put(key, value == null ? NULL : value);
            return key;
        } catch (TimeoutException e) {
            timedOut = true;
            stopRunning();
            throw new InvocationTargetException(new CellInterruptedError());
        } catch (CancellationException e) {
            throw new InvocationTargetException(new CellInterruptedError());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) {
                cause = ite.getCause();
            }
            lastThrown = cause;
            throw new InvocationTargetException(cause);
        }
    }

    /** Takes the object behind a key that {@link #invoke(Method)} returned; {@code null} for a null value. */
    Object takeResult(String key) {
        Object value = key == null ? null : results.remove(key);
        return value == NULL ? null : value;
    }

    void clearResults() {
        results.clear();
    }

    /** The last exception thrown by snippet code, and forgets it. */
    Throwable takeLastThrown() {
        Throwable t = lastThrown;
        lastThrown = null;
        return t;
    }

    /** Whether the cell was interrupted or timed out since the last call, and resets both flags. */
    boolean takeInterrupted() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }

    boolean takeTimedOut() {
        boolean was = timedOut;
        timedOut = false;
        return was;
    }

    long timeoutMillis() {
        return timeoutMillis;
    }

    /**
     * Opens a cell: from now until the matching {@link #endCell()}, an interrupt stops this cell even when it
     * arrives before the cell's code runs (while JShell compiles it). Cells nest (a cell that runs another).
     */
    void beginCell() {
        synchronized (stopLock) {
            if (cellDepth++ == 0) {
                stopPending = false;
                interrupted = false;
            }
        }
    }

    /** Closes the cell {@link #beginCell()} opened; an interrupt it did not use dies with it. */
    void endCell() {
        synchronized (stopLock) {
            if (cellDepth > 0 && --cellDepth == 0) {
                stopPending = false;
            }
        }
    }

    /** Whether an interrupt is waiting for the open cell's next snippet. */
    boolean stopPending() {
        synchronized (stopLock) {
            return stopPending;
        }
    }

    /** Makes {@code self} the running snippet thread, unless an interrupt is pending for the cell. */
    private boolean startRunning(SnippetThread self) {
        synchronized (stopLock) {
            if (stopPending) {
                return false;
            }
            running.set(self);
            return true;
        }
    }

    /**
     * Stops the open cell: the running snippet at once (instrumented code at its next loop turn, library code on
     * its next interruptible call), a snippet still being compiled as soon as it starts. With no cell open it does
     * nothing, so it cannot hit a later cell.
     */
    void interruptRunning() {
        synchronized (stopLock) {
            if (cellDepth == 0 && running.get() == null) {
                return;
            }
            interrupted = true;
            stopPending = true;
            stopRunning();
        }
    }

    private void stopRunning() {
        SnippetThread t = running.get();
        if (t != null) {
            t.requestStop();
        }
    }

    @Override
    public void stop() {
        interruptRunning();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        super.close();
    }

    /** Stands for a null value in the result map, which takes no nulls. */
    private static final Object NULL = new Object();
}
