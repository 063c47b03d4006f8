package org.netgauss.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

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
        KernelConfig config = KernelConfig.fromEnvironment(System.getenv());
        NetgaussKernel kernel = NetgaussKernel.create(config, version());

        JupyterConnection connection = new JupyterConnection(KernelConnectionProperties.parse(json));
        // handlers are in place before the sockets bind, so the first kernel_info_request finds them
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        // answer kernel_info at once; cells wait until JShell is warm and the startup code has run
        kernel.startInBackground(config);
        connection.waitUntilClose();
        kernel.onShutdown(false);
        System.exit(0);
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
