package org.netgauss.kernel.wire;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.netgauss.kernel.KernelLog;
import org.zeromq.ZMQ;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell or control socket, served by a loop that survives whatever arrives. JJava's own loop lets the
 * {@code SecurityException} of one badly signed message (or the parse error of one non-JSON frame) end its
 * thread, after which no request is answered while the heartbeat still beats; and it reads frames across
 * message boundaries, so a message without a delimiter swallows the next one. Here each ZeroMQ message is read
 * whole, decoded by {@link WireCodec}, and a bad one is dropped with one line in the kernel's log, as ipykernel
 * does. A handler that throws (even an {@code Error}) costs its own request only.
 */
public final class GuardedShellChannel extends ShellChannel {
    /** Frames kept per message; the rest of a longer one is read and dropped, so memory stays bounded. */
    private static final int MAX_FRAMES = WireCodec.MAX_IDENTITIES + 6 + WireCodec.MAX_BUFFERS;
    private static final long POLL_MILLIS = 200;

    private final String name;
    private final JupyterConnection connection;
    private final WireCodec codec;
    private final long maxFrameBytes;
    private volatile boolean running;
    private Thread loop;

    /**
     * @param maxFrameBytes largest frame accepted; ZeroMQ disconnects a peer that sends a larger one
     */
    public GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl,
                               JupyterConnection connection, long maxFrameBytes) {
        super(context, hmac, isControl, connection);
        this.name = isControl ? "control" : "shell";
        this.connection = connection;
        this.codec = new WireCodec(hmac);
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (loop != null) {
            throw new IllegalStateException(name + " channel already bound");
        }
        setMaxMsgSize(maxFrameBytes);
        int port = name.equals("control") ? props.getControlPort() : props.getShellPort();
        String address = props.getTransport() + "://" + props.getIp() + ":" + port;
        if (!bind(address)) {
            throw new IllegalStateException("cannot bind the " + name + " socket to " + address);
        }
        running = true;
        loop = new Thread(this::serve, "netgauss-" + name);
        loop.setDaemon(true);
        loop.start();
    }

    private void serve() {
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        int failures = 0;
        while (running) {
            try {
                if (poller.poll(POLL_MILLIS) <= 0 || !running) {
                    continue;
                }
                List<byte[]> frames = readFrames();
                failures = 0;
                if (frames == null) {
                    continue;
                }
                Message<?> message;
                try {
                    message = codec.decode(frames);
                } catch (BadMessageException e) {
                    KernelLog.line("dropped a message on " + name + ": " + e.getMessage());
                    continue;
                }
                dispatch(message);
            } catch (RuntimeException | StackOverflowError e) {
                if (!running || closed) {
                    break;
                }
                // a socket fault, not a message's: say so, and give up only if it persists
                KernelLog.line(name + " channel: " + e);
                if (++failures > 50) {
                    KernelLog.line(name + " channel stops after 50 failures in a row");
                    break;
                }
                pause();
            }
        }
        poller.close();
    }

    /** All frames of the next message, at most {@link #MAX_FRAMES} of them kept; null if none could be read. */
    private List<byte[]> readFrames() {
        synchronized (this) {
            if (closed) {
                return null;
            }
            byte[] first = recv(ZMQ.DONTWAIT);
            if (first == null) {
                return null;
            }
            List<byte[]> frames = new ArrayList<>();
            frames.add(first);
            int dropped = 0;
            while (hasReceiveMore()) {
                byte[] next = recv(0);
                if (frames.size() < MAX_FRAMES) {
                    frames.add(next);
                } else {
                    dropped++;
                }
            }
            if (dropped > 0) {
                KernelLog.line("dropped a message on " + name + ": " + (frames.size() + dropped)
                        + " frames, more than " + MAX_FRAMES);
                return null;
            }
            return frames;
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private void dispatch(Message<?> message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            KernelLog.line("ignored a message on " + name + " of a type this kernel does not serve: '"
                    + message.getHeader().getType().getName() + "'");
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            KernelLog.line("the " + message.getHeader().getType().getName() + " handler failed: " + e);
        } finally {
            try {
                env.resolveDeferrals();
            } catch (RuntimeException e) {
                KernelLog.line("could not finish the " + message.getHeader().getType().getName() + " reply: " + e);
            }
        }
        if (env.isMarkedForShutdown()) {
            running = false;
            connection.close();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Thread t = loop;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2 * POLL_MILLIS + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (!closed) {
                super.close();
            }
        }
    }

    @Override
    public void waitUntilClose() {
        Thread t = loop;
        if (t == null) {
            return;
        }
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
