package org.netgauss.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.netgauss.kernel.NetgaussKernel;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code %classpath <path-or-glob>...}: adds jars or class folders to the notebook's classpath. Entries may
 * also be joined with the platform's path separator in one argument. Returns the paths added.
 */
public final class ClasspathMagic implements LineMagic<List<String>, NetgaussKernel> {
    @Override
    public List<String> eval(NetgaussKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%classpath needs a jar, a class folder or a glob, e.g."
                    + " %classpath target/classes");
        }
        return kernel.addToClasspath(String.join(File.pathSeparator, args)).stream()
                .map(Path::toString)
                .collect(Collectors.toList());
    }
}
