package org.netgauss.kernel.execution;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The class loader of notebook code: snippet classes compiled by JShell, plus every jar and folder added with
 * {@code %jars}, {@code %classpath}, {@code %maven} or the kernelspec's classpath. Delegates to the kernel's own
 * loader first, so the display statics (and {@code BaseKernel.notebookKernel()}) are the kernel's.
 */
final class SnippetClassLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
        super("netgauss-notebook", new URL[0], parent);
    }

    /** Makes {@code bytes} the definition of {@code name}, to be defined when first loaded. */
    void declare(String name, byte[] bytes) {
        pending.put(name, bytes);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = pending.remove(name);
        if (bytes != null) {
            return defineClass(name, bytes, 0, bytes.length);
        }
        return super.findClass(name);
    }

    @Override
    public void addURL(URL url) {
        super.addURL(url);
    }
}
