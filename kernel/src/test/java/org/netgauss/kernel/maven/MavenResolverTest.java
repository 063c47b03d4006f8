package org.netgauss.kernel.maven;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MavenResolverTest {
    @Test
    void centralComesFromMavensOwnSuperPom() {
        String url = MavenResolver.centralFromSuperPom().orElseThrow();
        assertTrue(url.startsWith("https://") && url.endsWith("/maven2"), url);
    }

    @Test
    void malformedCoordinatesSayWhatIsExpected(@TempDir Path local) {
        MavenResolver r = new MavenResolver(local, List.of());
        var e = assertThrows(IllegalArgumentException.class, () -> r.resolve(List.of("just-a-name")));
        assertTrue(e.getMessage().contains("group:artifact"), e.getMessage());
    }

    @Test
    void addedRepositoryReplacesOneWithTheSameId(@TempDir Path local) {
        MavenResolver r = new MavenResolver(local, List.of());
        r.addRepository("mine", "file:///a");
        r.addRepository("mine", "file:///b");
        assertEquals(1, r.repositories().size());
        assertEquals("file:///b", r.repositories().get(0).getUrl());
    }
}
