package org.netgauss.kernel.wire;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.security.GeneralSecurityException;
import java.util.List;

/**
 * JJava's connection with the shell and control sockets served by {@link GuardedShellChannel}s. The heartbeat,
 * stdin and iopub sockets are JJava's. The guarded channels live in a ZeroMQ context of their own, closed after
 * them; JJava's unguarded shell and control sockets are created by its constructor but never bound.
 */
public final class KernelConnection extends JupyterConnection {
    /** Largest frame a client may send: a cell of 64 MB is far past anything JShell compiles. */
    public static final long MAX_FRAME_BYTES = 64L << 20;

    private final KernelConnectionProperties props;
    private final ZMQ.Context guardedContext = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private boolean connected;
    private boolean closed;

    public KernelConnection(KernelConnectionProperties props) throws GeneralSecurityException {
        super(props);
        this.props = props;
        HMACGenerator hmac = props.createHMACGenerator();
        this.guardedShell = new GuardedShellChannel(guardedContext, hmac, false, this, MAX_FRAME_BYTES);
        this.guardedControl = new GuardedShellChannel(guardedContext, hmac, true, this, MAX_FRAME_BYTES);
    }

    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        for (JupyterSocket s : List.of(heartbeat, guardedShell, guardedControl, stdin, iopub)) {
            s.bind(props);
        }
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        guardedShell.close();
        guardedControl.close();
        guardedContext.close();
        super.close();
    }

    @Override
    public void waitUntilClose() {
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        super.waitUntilClose();
    }
}
