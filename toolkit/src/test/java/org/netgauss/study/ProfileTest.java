package org.netgauss.study;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileTest {
    @Test
    void unsetMeansQuick() {
        assertEquals(Profile.QUICK, Profile.from(Map.of()));
        assertEquals(Profile.QUICK, Profile.from(Map.of("NETGAUSS_PROFILE", " ")));
    }

    @Test
    void namesAreCaseInsensitive() {
        assertEquals(Profile.SMOKE, Profile.from(Map.of("NETGAUSS_PROFILE", "smoke")));
        assertEquals(Profile.PAPER, Profile.from(Map.of("NETGAUSS_PROFILE", "Paper")));
    }

    @Test
    void unknownNameIsRejectedWithTheChoices() {
        var e = assertThrows(IllegalArgumentException.class, () -> Profile.from(Map.of("NETGAUSS_PROFILE", "big")));
        assertTrue(e.getMessage().contains("smoke, quick or paper"), e.getMessage());
    }

    @Test
    void pickReturnsTheValueOfTheProfile() {
        assertEquals(8, Profile.SMOKE.pick(8, 100, 1000));
        assertEquals(100, Profile.QUICK.pick(8, 100, 1000));
        assertEquals("p", Profile.PAPER.pick("s", "q", "p"));
    }
}
