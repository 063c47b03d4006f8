package org.netgauss.kernel;

import java.util.Map;
import java.util.Optional;

/**
 * Ends the kernel when the process that started it is gone, as ipykernel's parent poller does: a notebook
 * server or nbclient that dies (even by {@code kill -9}) leaves no orphaned JVM behind. The parent is the one
 * at start; if that is init (pid 1), the kernel was already orphaned or started by a container's init, and the
 * {@code JPY_PARENT_PID} that jupyter_client sets is watched instead, if any. The parent counts as gone when its
 * process has ended (a recycled pid does not fool {@link ProcessHandle#isAlive()}, which compares start times)
 * or when this process has been handed to another parent.
 */
final class ParentWatch {
    static final long POLL_MILLIS = 500;

    private final ProcessHandle parent;
    private final boolean direct;

    private ParentWatch(ProcessHandle parent) {
        this.parent = parent;
        this.direct = parent != null
                && ProcessHandle.current().parent().map(p -> p.pid() == parent.pid()).orElse(false);
    }

    /** The watch for this process, or empty when there is no parent worth watching. */
    static Optional<ParentWatch> forThisProcess(Map<String, String> env) {
        Optional<ProcessHandle> atStart = ProcessHandle.current().parent();
        if (atStart.isPresent() && atStart.get().pid() > 1) {
            return Optional.of(new ParentWatch(atStart.get()));
        }
        String declared = env.getOrDefault("JPY_PARENT_PID", "").strip();
        if (!declared.matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(declared);
        if (pid <= 1) {
            return Optional.empty();
        }
        // a declared parent that has already gone means there is nobody to serve
        return Optional.of(new ParentWatch(ProcessHandle.of(pid).orElse(null)));
    }

    long pid() {
        return parent == null ? -1 : parent.pid();
    }

    boolean parentGone() {
        if (parent == null || !parent.isAlive()) {
            return true;
        }
        // a direct parent that exits hands this process to init or a subreaper at once, even while it lingers as
        // a zombie that isAlive() may still report
        return direct && ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) != parent.pid();
    }

    /** Polls on a daemon thread and runs {@code onGone} once the parent is gone. */
    void start(Runnable onGone) {
        Thread t = new Thread(() -> {
            while (!parentGone()) {
                try {
                    Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            onGone.run();
        }, "netgauss-parent-watch");
        t.setDaemon(true);
        t.start();
    }
}
