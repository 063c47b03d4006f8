package org.netgauss.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import tech.tablesaw.api.Table;

/**
 * Results that have a table form: any public toolkit type with a public no-argument {@code toTable()} returning a
 * Tablesaw {@link Table} ({@code PigmmFit}, {@code ModelComparison}, {@code DeviationReport}, …). The renderer
 * registers each one found in the toolkit, so a new result type renders as its table without being listed here.
 */
final class ResultTables {
    /** Rows a result's table shows when it is a cell's value: whole, up to this many. */
    static final int MAX_ROWS = 500;

    private ResultTables() {
    }

    /** The value's table, if its class has a public no-argument {@code toTable()} returning a table. */
    static Optional<Table> tableOf(Object value) {
        Method m = toTable(value.getClass());
        if (m == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((Table) m.invoke(value));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(value.getClass().getSimpleName() + ".toTable() failed: " + cause, cause);
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** The public {@code toTable()} of a public class, or null. */
    static Method toTable(Class<?> c) {
        if (!Modifier.isPublic(c.getModifiers())) {
            return null;
        }
        try {
            Method m = c.getMethod("toTable");
            return !Modifier.isStatic(m.getModifiers()) && Table.class.isAssignableFrom(m.getReturnType()) ? m : null;
        } catch (NoSuchMethodException | LinkageError e) {
            return null;
        }
    }

    /**
     * The public classes and interfaces under {@code org/netgauss/} in the jar or directory that holds
     * {@code anchor} that have a table form (except this display package). Classes are loaded without
     * initialising them; a class that cannot be loaded (its optional dependency is absent) is skipped.
     */
    static List<Class<?>> discover(Class<?> anchor) {
        List<String> names = classNames(anchor);
        List<Class<?>> out = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith("org.netgauss.notebook.") || name.contains("$")) {
                continue;
            }
            try {
                Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                if (toTable(c) != null) {
                    out.add(c);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // an optional dependency of that class is absent: it cannot be a cell's value either
            }
        }
        return out;
    }

    private static List<String> classNames(Class<?> anchor) {
        Path root;
        try {
            var source = anchor.getProtectionDomain().getCodeSource();
            if (source == null) {
                return List.of();
            }
            root = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | SecurityException e) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(root)) {
                Path base = root.resolve("org/netgauss");
                if (Files.isDirectory(base)) {
                    try (Stream<Path> files = Files.walk(base)) {
                        files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(
                                className(root.relativize(p).toString().replace('\\', '/'))));
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith("org/netgauss/") && n.endsWith(".class")) {
                            names.add(className(n));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the toolkit's classes in " + root, e);
        }
        names.sort(null);
        return names;
    }

    private static String className(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }
}
