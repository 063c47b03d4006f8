package org.netgauss.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.netgauss.kernel.NetgaussKernel;
import org.netgauss.kernel.maven.MavenResolver;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code %maven group:artifact[:extension[:classifier]]:version ...}: resolves the artifacts and their runtime
 * dependencies from the local Maven repository and the configured remote ones, and adds them to the
 * notebook's classpath. Returns the files added.
 */
public final class MavenMagic implements LineMagic<List<String>, NetgaussKernel> {
    private final Supplier<MavenResolver> resolver;

    public MavenMagic(Supplier<MavenResolver> resolver) {
        this.resolver = resolver;
    }

    @Override
    public List<String> eval(NetgaussKernel kernel, List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("%maven needs coordinates group:artifact:version, e.g."
                    + " %maven org.apache.commons:commons-math3:3.6.1");
        }
        List<Path> files = resolver.get().resolve(args);
        kernel.addToClasspath(files.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        return files.stream().map(Path::toString).collect(Collectors.toList());
    }
}
