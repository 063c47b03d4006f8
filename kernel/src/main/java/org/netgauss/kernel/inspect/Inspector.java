package org.netgauss.kernel.inspect;

import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Jupyter's {@code inspect_request} (Shift-Tab): the signatures JShell finds for the name at the cursor, each
 * with its javadoc, from JShell for the JDK or from {@link SourceJavadoc} for the kernelspec's source path.
 */
public final class Inspector {
    private final JShell shell;
    private final SourceJavadoc sources;

    public Inspector(JShell shell, SourceJavadoc sources) {
        this.shell = shell;
        this.sources = sources;
    }

    /** The documentation of the name at {@code at} in {@code code}, as text and HTML, or null if none. */
    public DisplayData inspect(String code, int at) {
        // look the name up from its end, and include a following '(' so methods are found
        int end = Math.max(0, Math.min(at, code.length()));
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
            end++;
        }
        int paren = end;
        while (paren < code.length() && Character.isWhitespace(code.charAt(paren))) {
            paren++;
        }
        if (paren < code.length() && code.charAt(paren) == '(') {
            end = paren + 1;
        }
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, end, true);
        if ((docs == null || docs.isEmpty()) && (end == 0 || code.charAt(end - 1) != '(')) {
            // a bare method name ("Math.abs"): ask as if the call were being typed
            docs = analysis.documentation(code.substring(0, end) + "(", end + 1, true);
        }
        if (docs == null || docs.isEmpty()) {
            return null;
        }
        List<String[]> entries = new ArrayList<>();
        for (SourceCodeAnalysis.Documentation d : docs) {
            String javadoc = d.javadoc() != null ? d.javadoc() : fromSources(d.signature()).orElse(null);
            entries.add(new String[] {d.signature(), javadoc});
        }
        DisplayData data = new DisplayData(entries.stream()
                .map(e -> e[0] + (e[1] != null ? "\n" + e[1] : ""))
                .collect(Collectors.joining("\n\n")));
        data.putHTML(entries.stream()
                .map(e -> "<code>" + escapeHtml(e[0]) + "</code>"
                        + (e[1] != null ? "<pre>" + escapeHtml(e[1]) + "</pre>" : ""))
                .collect(Collectors.joining("<hr/>")));
        return data;
    }

    /** The javadoc of what JShell's {@code signature} names, read from the source path. */
    Optional<String> fromSources(String signature) {
        Signature s = Signature.parse(signature);
        if (s == null) {
            return Optional.empty();
        }
        return resolve(s.owner()).flatMap(cls -> sources.javadoc(cls, s.member(), s.parameterTypes()));
    }

    /** The binary name (a.b.C$D) of a class as a signature writes it: qualified, or simple and imported. */
    private Optional<String> resolve(String owner) {
        String[] parts = owner.split("\\.");
        int top = 0;
        while (top < parts.length - 1 && !parts[top].isEmpty() && Character.isLowerCase(parts[top].charAt(0))) {
            top++;
        }
        String nested = String.join("$", List.of(parts).subList(top, parts.length));
        if (top > 0) {
            return Optional.of(String.join(".", List.of(parts).subList(0, top)) + "." + nested);
        }
        String simple = parts[0];
        List<String> candidates = new ArrayList<>();
        shell.imports().filter(i -> !i.isStatic()).map(ImportSnippet::fullname).forEach(name -> {
            if (name.endsWith(".*")) {
                candidates.add(name.substring(0, name.length() - 1) + simple);
            } else if (name.endsWith("." + simple)) {
                candidates.add(name);
            }
        });
        candidates.add("java.lang." + simple);
        return candidates.stream().filter(sources::hasSource).findFirst()
                .map(c -> nested.contains("$") ? c + nested.substring(nested.indexOf('$')) : c);
    }

    static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** What a JShell documentation signature names: owner class, member (null for a type) and parameters. */
    record Signature(String owner, String member, List<String> parameterTypes) {
        /**
         * Parses "RET Owner.name(T a, U b)" (method), "a.b.Owner(T a)" (constructor), "T Owner.NAME" (field)
         * and "a.b.Owner" (type); null for anything else.
         */
        static Signature parse(String signature) {
            String sig = signature.strip();
            int paren = sig.indexOf('(');
            String head = paren >= 0 ? sig.substring(0, paren) : sig;
            String name = head.substring(lastTopLevelSpace(head) + 1);
            boolean hasReturnType = lastTopLevelSpace(head) >= 0;
            if (paren < 0) {
                if (!hasReturnType) {
                    return new Signature(name, null, null);
                }
                int dot = name.lastIndexOf('.');
                return dot > 0 ? new Signature(name.substring(0, dot), name.substring(dot + 1), null) : null;
            }
            if (!sig.endsWith(")")) {
                return null;
            }
            List<String> params = parameterTypes(sig.substring(paren + 1, sig.length() - 1));
            if (!hasReturnType) {
                return new Signature(name, "<init>", params);
            }
            int dot = name.lastIndexOf('.');
            return dot > 0 ? new Signature(name.substring(0, dot), name.substring(dot + 1), params) : null;
        }

        private static int lastTopLevelSpace(String s) {
            int depth = 0;
            for (int i = s.length() - 1; i >= 0; i--) {
                char c = s.charAt(i);
                if (c == '>') {
                    depth++;
                } else if (c == '<') {
                    depth--;
                } else if (c == ' ' && depth == 0) {
                    return i;
                }
            }
            return -1;
        }

        private static List<String> parameterTypes(String list) {
            List<String> types = new ArrayList<>();
            int depth = 0;
            int start = 0;
            for (int i = 0; i <= list.length(); i++) {
                char c = i < list.length() ? list.charAt(i) : ',';
                if (c == '<') {
                    depth++;
                } else if (c == '>') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    String param = list.substring(start, i).strip();
                    if (!param.isEmpty()) {
                        int space = lastTopLevelSpace(param);
                        types.add(space > 0 ? param.substring(0, space).strip() : param);
                    }
                    start = i + 1;
                }
            }
            return types;
        }
    }
}
