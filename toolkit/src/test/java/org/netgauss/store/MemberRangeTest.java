package org.netgauss.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemberRangeTest {
    @Test
    void membersAreHalfOpenLikeAPythonSlice() {
        MemberRange r = MemberRange.parseMembers("2:5", 10);
        assertEquals(2, r.first());
        assertEquals(3, r.count());
        assertEquals("2:5", r.toString());
    }

    @Test
    void shardsCoverTheEnsembleExactlyOnceWithSizesDifferingByAtMostOne() {
        for (int e : new int[] {1, 7, 10, 1000, 1001}) {
            for (int n = 1; n <= Math.min(e, 13); n++) {
                int next = 0;
                int min = Integer.MAX_VALUE;
                int max = 0;
                for (int k = 0; k < n; k++) {
                    MemberRange r = MemberRange.parseShard(k + "/" + n, e);
                    assertEquals(next, r.first(), "shard " + k + "/" + n + " of " + e);
                    next = r.end();
                    min = Math.min(min, r.count());
                    max = Math.max(max, r.count());
                }
                assertEquals(e, next);
                assertTrue(max - min <= 1);
            }
        }
    }

    @Test
    void shardIndexIsZeroBasedLikeSlurmArrayTaskId() {
        assertEquals("0:25", MemberRange.parseShard("0/4", 100).toString());
        assertEquals("75:100", MemberRange.parseShard("3/4", 100).toString());
        var e = assertThrows(IllegalArgumentException.class, () -> MemberRange.parseShard("4/4", 100));
        assertTrue(e.getMessage().contains("0-based"), e.getMessage());
    }

    @Test
    void moreShardsThanMembersIsRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> MemberRange.parseShard("0/5", 4));
        assertTrue(e.getMessage().contains("at most 4"), e.getMessage());
    }

    @Test
    void membersOutsideTheEnsembleAreRejectedNamingItsSize() {
        var e = assertThrows(IllegalArgumentException.class, () -> MemberRange.parseMembers("5:11", 10));
        assertTrue(e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MemberRange.parseMembers("5:5", 10));
        assertThrows(IllegalArgumentException.class, () -> MemberRange.parseMembers("5-7", 10));
    }
}
