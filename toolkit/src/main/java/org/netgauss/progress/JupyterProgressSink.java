package org.netgauss.progress;

import java.util.UUID;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Progress as one notebook output updated in place: the first state is sent with {@code display_data}
 * under a fresh display id, later ones with {@code update_display_data} for that id. Loaded only when JJava
 * is on the class path (see {@link Progress}), since it names JJava types.
 */
final class JupyterProgressSink implements ProgressSink {
    static final long INTERVAL_NANOS = 200_000_000L;

    private final BaseKernel kernel;
    private final String displayId = "netgauss-progress-" + UUID.randomUUID();
    private boolean shown;

    private JupyterProgressSink(BaseKernel kernel) {
        this.kernel = kernel;
    }

    /** A sink for the running kernel, or null when JJava is loaded but no kernel runs (e.g. in a test). */
    static ProgressSink ifKernelRunning() {
        try {
            return new JupyterProgressSink(BaseKernel.notebookKernel());
        } catch (RuntimeException noKernel) { // notebookKernel() throws NullPointerException outside a kernel
            return null;
        }
    }

    @Override
    public void show(ProgressState state) {
        DisplayData data = displayData(state);
        if (!shown) {
            data.setDisplayId(displayId);
            kernel.display(data);
            shown = true;
        } else {
            kernel.getIO().display.updateDisplay(displayId, data);
        }
    }

    @Override
    public long minIntervalNanos() {
        return INTERVAL_NANOS;
    }

    /** The output for a state: {@code text/html} with a progress bar and {@code text/plain}. */
    static DisplayData displayData(ProgressState state) {
        DisplayData data = new DisplayData(state.text());
        data.putHTML(state.html());
        return data;
    }
}
