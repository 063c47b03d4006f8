package org.netgauss.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.netgauss.kernel.wire.KernelConnection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Starts the kernel: {@code java -cp <kernel>/lib/* org.netgauss.kernel.KernelMain <connection file>}, as a
 * kernelspec's {@code argv} does with {@code {connection_file}}.
 */
public final class KernelMain {
    private KernelMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KernelMain <connection-file>   (Jupyter passes {connection_file})");
            System.exit(2);
        }
        String json;
        try {
            json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("netgauss kernel: no connection file " + args[0]);
            System.exit(2);
            return;
        }
        KernelConfig config;
        try {
            config = KernelConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("netgauss kernel: " + e.getMessage());
            System.exit(2);
            return;
        }
        NetgaussKernel kernel = NetgaussKernel.create(config, version());

        KernelConnection connection = new KernelConnection(KernelConnectionProperties.parse(json));
        // handlers are in place before the sockets bind, so the first kernel_info_request finds them
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        // answer kernel_info at once; cells wait until JShell is warm and the startup code has run
        kernel.startInBackground();
        ParentWatch.forThisProcess(System.getenv()).ifPresent(watch -> watch.start(() -> {
            KernelLog.line("the process that started this kernel (pid " + watch.pid() + ") is gone: exiting");
            exit(0);
        }));
        connection.waitUntilClose();
        kernel.onShutdown(false);
        exit(0);
    }

    /**
     * Ends the JVM: shutdown hooks get a few seconds (a notebook's own hook could hang), then it halts. Kernel code
     * calls this, never snippet code, whose {@code System.exit} is rewritten into an error.
     */
    static void exit(int status) {
        Thread reaper = new Thread(() -> {
            try {
                Thread.sleep(5000);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(status);
        }, "netgauss-exit");
        reaper.setDaemon(true);
        reaper.start();
        System.exit(status);
    }

    static String version() {
        Properties p = new Properties();
        try (InputStream in = KernelMain.class.getResourceAsStream("/org/netgauss/kernel/kernel.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // a missing version is no reason not to start
        }
        return p.getProperty("version", "unknown");
    }
}
