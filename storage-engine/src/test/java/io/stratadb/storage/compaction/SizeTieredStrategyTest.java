package io.stratadb.storage.compaction;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeTieredStrategyTest {

    private static final long MB = 1 << 20;
    private final SizeTieredStrategy stcs = new SizeTieredStrategy();

    @Test
    void waitsForFourSimilarFiles() {
        List<FakeCandidate> live = new ArrayList<>(List.of(
                FakeCandidate.sized(1, 100 * MB), FakeCandidate.sized(2, 110 * MB), FakeCandidate.sized(3, 95 * MB)));
        assertNull(stcs.next(live));
        assertEquals(0, stcs.estimatedPending(live));
        live.add(FakeCandidate.sized(4, 105 * MB));
        CompactionPlan plan = stcs.next(live);
        assertNotNull(plan);
        assertEquals(4, plan.inputs().size());
        assertEquals(1, stcs.estimatedPending(live));
    }

    @Test
    void doesNotMixVeryDifferentSizes() {
        List<FakeCandidate> live = List.of(
                FakeCandidate.sized(1, 100 * MB), FakeCandidate.sized(2, 400 * MB),
                FakeCandidate.sized(3, 1600 * MB), FakeCandidate.sized(4, 6400 * MB));
        assertNull(stcs.next(live));
    }

    @Test
    void smallFilesShareOneBucketAndSmallestBucketGoesFirst() {
        List<FakeCandidate> live = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            live.add(FakeCandidate.sized(i, 1000L + i * 5000)); // tiny flushes of varied size
        }
        for (int i = 0; i < 4; i++) {
            live.add(FakeCandidate.sized(100 + i, 500 * MB));
        }
        CompactionPlan plan = stcs.next(live);
        assertEquals(5, plan.inputs().size());
        assertTrue(plan.inputs().stream().allMatch(c -> c.sizeOnDisk() < MB));
    }

    @Test
    void takesAtMostMaxThreshold() {
        List<FakeCandidate> live = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            live.add(FakeCandidate.sized(i, 10 * MB));
        }
        assertEquals(32, stcs.next(live).inputs().size());
        assertEquals(3, stcs.estimatedPending(live));
    }

    @Test
    void majorTakesEverything() {
        List<FakeCandidate> live = List.of(FakeCandidate.sized(1, 1), FakeCandidate.sized(2, 1000 * MB));
        assertEquals(2, stcs.major(live).inputs().size());
        assertNull(stcs.major(List.of()));
    }
}
