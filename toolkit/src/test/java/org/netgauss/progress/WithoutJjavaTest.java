package org.netgauss.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * JJava is a {@code provided} dependency: the CLI and batch jobs run the toolkit without it. These tests load
 * the toolkit in a class loader that cannot see JJava and use it there.
 */
class WithoutJjavaTest {
    static URLClassLoader loaderWithoutJjava() throws Exception {
        // surefire puts the real class path in this property (java.class.path may be a manifest-only jar)
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        boolean removed = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.contains("jjava")) {
                removed = true;
            } else if (!entry.isEmpty()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        Assumptions.assumeTrue(removed, "JJava not found on the test class path " + classPath);
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    @Test
    void progressRunsAsTextWithoutJjava() throws Exception {
        try (URLClassLoader loader = loaderWithoutJjava()) {
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("org.dflib.jjava.jupyter.kernel.BaseKernel"));
            Class<?> progress = loader.loadClass("org.netgauss.progress.Progress");
            Method autoSink = progress.getDeclaredMethod("autoSink");
            autoSink.setAccessible(true); // package-private, and another loader's package
            Object sink = autoSink.invoke(null);
            assertEquals("org.netgauss.progress.StreamProgressSink", sink.getClass().getName());
            Object p = progress.getMethod("start", String.class, long.class).invoke(null, "isolated", 2L);
            Method step = progress.getMethod("step", String.class);
            step.invoke(p, "one");
            step.invoke(p, "two");
            progress.getMethod("close").invoke(p);
            assertEquals(2L, progress.getMethod("done").invoke(p));
        }
    }

    @Test
    void tablesAndChartsRenderWithoutJjava() throws Exception {
        try (URLClassLoader loader = loaderWithoutJjava()) {
            Class<?> table = loader.loadClass("tech.tablesaw.api.Table");
            Object t = table.getMethod("create", String.class).invoke(null, "empty");
            Class<?> html = loader.loadClass("org.netgauss.notebook.TableHtml");
            String out = (String) html.getMethod("render", table).invoke(null, t);
            assertTrue(out.contains("empty: 0 rows"), out);
            // and the extension itself really needs JJava, so the isolation above is real
            assertThrows(NoClassDefFoundError.class,
                    () -> loader.loadClass("org.netgauss.notebook.NetgaussExtension").getConstructor().newInstance());
        }
    }
}
