package io.stratadb.storage.compaction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeveledStrategyTest {

    private static final long SIZE = 1 << 20;

    @Test
    void level0CompactsWithOverlappingLevel1Files() {
        LeveledStrategy lcs = new LeveledStrategy(SIZE);
        List<FakeCandidate> live = new ArrayList<>(List.of(
                FakeCandidate.of(1, SIZE, 0, "b", "d"),
                FakeCandidate.of(2, SIZE, 0, "c", "f"),
                FakeCandidate.of(3, SIZE, 0, "e", "g"),
                FakeCandidate.of(10, SIZE, 1, "a", "b"),   // overlaps at "b"
                FakeCandidate.of(11, SIZE, 1, "h", "k")));  // does not overlap b..g
        assertNull(lcs.next(live), "3 level-0 files are below the trigger of 4");
        live.add(FakeCandidate.of(4, SIZE, 0, "d", "e"));
        CompactionPlan plan = lcs.next(live);
        assertEquals(1, plan.outputLevel());
        assertEquals(SIZE, plan.maxOutputBytes());
        List<Long> ids = plan.inputs().stream().map(CompactionCandidate::id).sorted().toList();
        assertEquals(List.of(1L, 2L, 3L, 4L, 10L), ids);
    }

    @Test
    void oversizedLevelPushesOneFileDownRoundRobin() {
        LeveledStrategy lcs = new LeveledStrategy(SIZE);
        List<FakeCandidate> live = new ArrayList<>();
        // level 1 may hold 10 files of SIZE; give it 12, each covering its own key range
        for (int i = 0; i < 12; i++) {
            String k = String.format("k%02d", i);
            live.add(FakeCandidate.of(i, SIZE, 1, k + "a", k + "z"));
        }
        live.add(FakeCandidate.of(100, SIZE, 2, "k00m", "k01m")); // overlaps k00 and k01
        CompactionPlan first = lcs.next(live);
        assertEquals(2, first.outputLevel());
        assertEquals(List.of(0L, 100L), first.inputs().stream().map(CompactionCandidate::id).toList());
        CompactionPlan second = lcs.next(live);
        assertEquals(1L, second.inputs().get(0).id(), "the pointer moves on to the next file");
        assertTrue(lcs.estimatedPending(live) >= 2);
    }

    @Test
    void levelLimitsGrowByFanout() {
        LeveledStrategy lcs = new LeveledStrategy(SIZE);
        assertEquals(10 * SIZE, lcs.maxBytes(1));
        assertEquals(100 * SIZE, lcs.maxBytes(2));
    }

    @Test
    void majorGoesToDeepestLevel() {
        LeveledStrategy lcs = new LeveledStrategy(SIZE);
        CompactionPlan plan = lcs.major(List.of(FakeCandidate.of(1, SIZE, 0, "a", "b"), FakeCandidate.of(2, SIZE, 3, "a", "c")));
        assertEquals(3, plan.outputLevel());
        assertEquals(2, plan.inputs().size());
    }

    @Test
    void overlapIsInclusive() {
        FakeCandidate c = FakeCandidate.of(1, 1, 1, "c", "f");
        assertTrue(LeveledStrategy.overlaps(c, "f".getBytes(), "g".getBytes()));
        assertTrue(LeveledStrategy.overlaps(c, "a".getBytes(), "c".getBytes()));
        assertTrue(!LeveledStrategy.overlaps(c, "g".getBytes(), "h".getBytes()));
    }
}
