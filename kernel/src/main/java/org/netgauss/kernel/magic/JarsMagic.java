package org.netgauss.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.netgauss.kernel.NetgaussKernel;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %jars <glob>...}: adds jar files to the notebook's classpath, as in IJava. Globs ({@code *}, {@code ?},
 * {@code **}) are resolved against the kernel's working directory. Returns the jars added.
 */
public final class JarsMagic implements LineMagic<List<String>, NetgaussKernel> {
    @Override
    public List<String> eval(NetgaussKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%jars needs at least one jar or glob, e.g. %jars lib/*.jar");
        }
        List<Path> added = kernel.addToClasspath(String.join(File.pathSeparator, args));
        for (Path p : added) {
            if (Files.isDirectory(p)) {
                throw new IllegalArgumentException("%jars takes jar files, and " + p + " is a folder:"
                        + " use %classpath for class folders");
            }
        }
        return added.stream().map(Path::toString).collect(Collectors.toList());
    }
}
