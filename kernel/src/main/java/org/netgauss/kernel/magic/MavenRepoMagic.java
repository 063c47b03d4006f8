package org.netgauss.kernel.magic;

import org.dflib.jjava.jupyter.kernel.magic.LineMagic;
import org.netgauss.kernel.NetgaussKernel;
import org.netgauss.kernel.maven.MavenResolver;

import java.util.List;
import java.util.function.Supplier;

/** {@code %mavenRepo <id> <url>}: adds a remote repository for later {@code %maven} calls. */
public final class MavenRepoMagic implements LineMagic<String, NetgaussKernel> {
    private final Supplier<MavenResolver> resolver;

    public MavenRepoMagic(Supplier<MavenResolver> resolver) {
        this.resolver = resolver;
    }

    @Override
    public String eval(NetgaussKernel kernel, List<String> args) {
        if (args.size() != 2) {
            throw new IllegalArgumentException("%mavenRepo takes an id and a URL, e.g. %mavenRepo mine"
                    + " file:///home/me/repo; found " + args);
        }
        resolver.get().addRepository(args.get(0), args.get(1));
        return args.get(0);
    }
}
