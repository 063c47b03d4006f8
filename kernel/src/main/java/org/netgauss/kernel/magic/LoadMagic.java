package org.netgauss.kernel.magic;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.netgauss.kernel.NetgaussKernel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code %load <file>}: runs a JShell script ({@code .jsh}, {@code .jshell}, {@code .java}) or the code cells of
 * a notebook ({@code .ipynb}) in this session, so that its declarations become available.
 */
public final class LoadMagic implements LineMagic<Object, NetgaussKernel> {
    @Override
    public Object eval(NetgaussKernel kernel, List<String> args) {
        if (args.size() != 1) {
            throw new IllegalArgumentException("%load takes one file, e.g. %load helpers.jsh; found " + args.size()
                    + " arguments");
        }
        return kernel.evalRaw(read(Path.of(args.get(0))));
    }

    /** The code of a script, or the code cells of a notebook joined in order. */
    public static String read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("%load: no file " + file.toAbsolutePath()
                    + " (relative paths start at " + Path.of("").toAbsolutePath() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("%load: cannot read " + file + ": " + e.getMessage(), e);
        }
        return file.getFileName().toString().endsWith(".ipynb") ? notebookCode(file, text) : text;
    }

    private static String notebookCode(Path file, String json) {
        try {
            JsonObject nb = JsonParser.parseString(json).getAsJsonObject();
            StringBuilder code = new StringBuilder();
            for (JsonElement cell : nb.getAsJsonArray("cells")) {
                JsonObject c = cell.getAsJsonObject();
                if (!"code".equals(c.get("cell_type").getAsString())) {
                    continue;
                }
                JsonElement source = c.get("source");
                if (source.isJsonArray()) {
                    for (JsonElement line : (JsonArray) source) {
                        code.append(line.getAsString());
                    }
                } else {
                    code.append(source.getAsString());
                }
                code.append('\n');
            }
            return code.toString();
        } catch (JsonParseException | IllegalStateException | NullPointerException e) {
            throw new IllegalArgumentException("%load: " + file + " is not a readable notebook (" + e.getMessage()
                    + ")");
        }
    }
}
