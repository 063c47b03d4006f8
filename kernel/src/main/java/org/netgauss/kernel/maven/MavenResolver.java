package org.netgauss.kernel.maven;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Resolves Maven coordinates to jar files with Maven's own resolver: the artifact and its runtime
 * dependencies, from the local repository first, then the remote ones.
 *
 * <p>Remote repositories: Maven Central as Maven itself defines it (the {@code central} repository of its
 * super-POM, so no address is written here), replaced by a mirror of {@code *} or {@code central} from the
 * user's {@code settings.xml} when there is one; plus those added with {@link #addRepository}. The local
 * repository is {@code -Dmaven.repo.local}, else settings.xml's {@code localRepository}, else
 * {@code ~/.m2/repository}.
 */
public final class MavenResolver {
    private final RepositorySystem system;
    private final Path localRepository;
    private final Map<String, RemoteRepository> remotes = new LinkedHashMap<>();

    public MavenResolver(Path localRepository, List<RemoteRepository> remotes) {
        this.system = new RepositorySystemSupplier().get();
        this.localRepository = localRepository;
        remotes.forEach(r -> this.remotes.put(r.getId(), r));
    }

    /** A resolver set up as Maven would be for this user. */
    public static MavenResolver fromEnvironment() {
        Path home = Path.of(System.getProperty("user.home"));
        Optional<Document> settings = readXml(home.resolve(".m2/settings.xml"));
        Path local = Optional.ofNullable(System.getProperty("maven.repo.local"))
                .map(Path::of)
                .or(() -> settings.flatMap(s -> text(s.getDocumentElement(), "localRepository")).map(Path::of))
                .orElse(home.resolve(".m2/repository"));
        List<RemoteRepository> remotes = new ArrayList<>();
        Optional<String> mirror = settings.flatMap(MavenResolver::centralMirror);
        Optional<String> central = mirror.or(MavenResolver::centralFromSuperPom);
        central.ifPresent(url -> remotes.add(new RemoteRepository.Builder("central", "default", url).build()));
        return new MavenResolver(local, remotes);
    }

    /**
     * {@link #fromEnvironment()}, built on first use: setting up Maven's resolver loads hundreds of classes and
     * parses XML, which a kernel should not do before its first reply when most notebooks never call %maven.
     */
    public static Supplier<MavenResolver> onFirstUse() {
        return new Supplier<>() {
            private MavenResolver resolver;

            @Override
            public synchronized MavenResolver get() {
                if (resolver == null) {
                    resolver = fromEnvironment();
                }
                return resolver;
            }
        };
    }

    /** Adds (or replaces) a remote repository by id. */
    public synchronized void addRepository(String id, String url) {
        remotes.put(id, new RemoteRepository.Builder(id, "default", url).build());
    }

    public synchronized List<RemoteRepository> repositories() {
        return List.copyOf(remotes.values());
    }

    /**
     * Resolves {@code group:artifact[:extension[:classifier]]:version} coordinates with their runtime
     * dependencies.
     *
     * @return the files, dependencies after the artifacts that need them
     * @throws IllegalArgumentException for malformed coordinates or an artifact that cannot be resolved
     */
    public synchronized List<Path> resolve(List<String> coordinates) {
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(localRepository.toFile())));
        CollectRequest collect = new CollectRequest();
        for (String c : coordinates) {
            try {
                collect.addDependency(new Dependency(new DefaultArtifact(c), JavaScopes.RUNTIME));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + c + "' is not Maven coordinates: use"
                        + " group:artifact[:extension[:classifier]]:version, e.g. org.apache.commons:commons-math3:3.6.1");
            }
        }
        collect.setRepositories(repositories());
        DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
        try {
            List<Path> files = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                files.add(r.getArtifact().getFile().toPath());
            }
            return files;
        } catch (DependencyResolutionException e) {
            throw new IllegalArgumentException("cannot resolve " + coordinates + " from " + localRepository
                    + " or " + remotes.keySet() + ": " + rootMessage(e));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }

    private static Optional<String> centralMirror(Document settings) {
        NodeList mirrors = settings.getElementsByTagName("mirror");
        for (int i = 0; i < mirrors.getLength(); i++) {
            Element m = (Element) mirrors.item(i);
            String of = text(m, "mirrorOf").orElse("");
            if (of.equals("*") || of.equals("central") || of.startsWith("*,") || of.contains("central")) {
                Optional<String> url = text(m, "url");
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }

    /** The URL of the {@code central} repository in the super-POM that ships inside Maven's model builder. */
    static Optional<String> centralFromSuperPom() {
        try (InputStream in = MavenRepositorySystemUtils.class.getClassLoader()
                .getResourceAsStream("org/apache/maven/model/pom-4.0.0.xml")) {
            if (in == null) {
                return Optional.empty();
            }
            Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
            NodeList repos = pom.getElementsByTagName("repository");
            for (int i = 0; i < repos.getLength(); i++) {
                Element r = (Element) repos.item(i);
                if (text(r, "id").filter("central"::equals).isPresent()) {
                    return text(r, "url");
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<Document> readXml(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? Optional.empty()
                : Optional.of(nodes.item(0).getTextContent().strip()).filter(s -> !s.isEmpty());
    }
}
