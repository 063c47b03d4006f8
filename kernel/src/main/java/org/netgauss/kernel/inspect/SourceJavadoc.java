package org.netgauss.kernel.inspect;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The javadoc of a class, constructor, method or field, read from its source on a source path of folders and
 * source jars. JShell finds javadoc only in the JDK's own {@code src.zip}; this reads the toolkit's, so that
 * Shift-Tab on {@code Pigmm.fit} shows its formula. Sources are parsed (not compiled) with the JDK's compiler
 * API; the comment is the {@code /** ... *}{@code /} block right before the declaration.
 */
public final class SourceJavadoc implements AutoCloseable {
    private final List<Path> roots = new ArrayList<>();
    private final List<FileSystem> jars = new ArrayList<>();
    private final Map<Path, Optional<Parsed>> parsed = new ConcurrentHashMap<>();

    /** @param sourcePath folders and source jars, {@link File#pathSeparator}-separated; missing entries are skipped */
    public SourceJavadoc(String sourcePath) {
        for (String entry : sourcePath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path p = Path.of(entry.strip());
            if (Files.isDirectory(p)) {
                roots.add(p);
            } else if (Files.isRegularFile(p)) {
                try {
                    FileSystem fs = FileSystems.newFileSystem(p);
                    jars.add(fs);
                    roots.add(fs.getPath("/"));
                } catch (IOException | RuntimeException e) {
                    // not a jar: nothing to read there
                }
            }
        }
    }

    /** Whether a source of {@code className} (binary name of a top-level class, e.g. a.b.C) is on the path. */
    public boolean hasSource(String className) {
        return find(className).isPresent();
    }

    /**
     * The javadoc of a member of {@code className}, as written (comment markers and leading '*' removed).
     *
     * @param member     a method or field name, {@code "<init>"} for a constructor, or null for the class itself
     * @param paramTypes for methods and constructors, the parameter types as JShell shows them (simple or
     *                   qualified, generic arguments ignored); null to take the first member of that name
     */
    public Optional<String> javadoc(String className, String member, List<String> paramTypes) {
        String[] nesting = className.substring(className.lastIndexOf('.') + 1).split("\\$");
        String topLevel = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        Optional<Parsed> unit = find(topLevel).flatMap(this::parse);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Parsed p = unit.get();
        Tree owner = null;
        List<? extends Tree> scope = p.unit.getTypeDecls();
        for (String name : nesting) {
            owner = scope.stream().filter(t -> t instanceof ClassTree c && c.getSimpleName().contentEquals(name))
                    .findFirst().orElse(null);
            if (owner == null) {
                return Optional.empty();
            }
            scope = ((ClassTree) owner).getMembers();
        }
        if (member == null) {
            return p.commentBefore(owner);
        }
        for (Tree t : scope) {
            if (t instanceof MethodTree m && m.getName().contentEquals(member)
                    && (paramTypes == null || sameTypes(m, paramTypes))) {
                return p.commentBefore(t);
            }
            if (t instanceof VariableTree v && v.getName().contentEquals(member) && paramTypes == null) {
                return p.commentBefore(t);
            }
        }
        return Optional.empty();
    }

    private static boolean sameTypes(MethodTree m, List<String> wanted) {
        if (m.getParameters().size() != wanted.size()) {
            return false;
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!simple(m.getParameters().get(i).getType().toString()).equals(simple(wanted.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** "java.util.List<T>" and "List" both become "List"; arrays and varargs keep their brackets. */
    static String simple(String type) {
        String t = type.replaceAll("<.*>", "").replace("...", "[]").replaceAll("\\s+", "");
        int dims = t.indexOf('[');
        String base = dims >= 0 ? t.substring(0, dims) : t;
        return base.substring(base.lastIndexOf('.') + 1) + (dims >= 0 ? t.substring(dims) : "");
    }

    private Optional<Path> find(String className) {
        String relative = className.replace('.', '/') + ".java";
        for (Path root : roots) {
            Path file = root.resolve(relative);
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    private Optional<Parsed> parse(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + f.getFileName()),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return text;
                    }
                };
                JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null,
                        List.of(source));
                CompilationUnitTree unit = task.parse().iterator().next();
                return Optional.of(new Parsed(text, unit, Trees.instance(task).getSourcePositions()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        for (FileSystem fs : jars) {
            try {
                fs.close();
            } catch (IOException e) {
                // closing a read-only zip view cannot lose anything
            }
        }
    }

    private record Parsed(String text, CompilationUnitTree unit, SourcePositions positions) {
        /** The doc comment that ends right before {@code tree} starts (only blanks between), cleaned. */
        Optional<String> commentBefore(Tree tree) {
            int start = (int) positions.getStartPosition(unit, tree);
            if (start <= 0) {
                return Optional.empty();
            }
            int end = start - 1;
            while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
                end--;
            }
            if (end < 1 || text.charAt(end) != '/' || text.charAt(end - 1) != '*') {
                return Optional.empty();
            }
            int open = text.lastIndexOf("/**", end - 1);
            if (open < 0 || text.indexOf("*/", open + 3) != end - 1) {
                return Optional.empty(); // a plain /* */ comment, or none, right before the declaration
            }
            return Optional.of(clean(text.substring(open + 3, end - 1)));
        }
    }

    /** The comment's text without the leading blanks and '*' of each line. */
    static String clean(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("*")) {
                l = l.substring(1);
                if (l.startsWith(" ")) {
                    l = l.substring(1);
                }
            }
            out.append(l.stripTrailing()).append('\n');
        }
        return out.toString().strip();
    }
}
