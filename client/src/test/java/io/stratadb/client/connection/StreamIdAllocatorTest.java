package io.stratadb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.TestSeeds;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamIdAllocatorTest {
    private final StreamIdAllocator ids = new StreamIdAllocator();

    @Test
    void handsOutEveryIdFromOneTo65535ButNeverZero() {
        BitSet seen = new BitSet();
        for (int i = 0; i < StreamIdAllocator.MAX_STREAM_ID; i++) {
            int id = ids.allocate();
            assertTrue(id >= 1 && id <= 0xFFFF, "id " + id);
            assertFalse(seen.get(id), "id " + id + " handed out twice");
            seen.set(id);
        }
        assertEquals(StreamIdAllocator.NONE, ids.allocate(), "all 65,535 ids are in use");
        assertEquals(StreamIdAllocator.MAX_STREAM_ID, ids.inUse());
        assertFalse(seen.get(0));
    }

    @Test
    void aFreedIdComesBackOnceTheRestAreTaken() {
        for (int i = 0; i < StreamIdAllocator.MAX_STREAM_ID; i++) {
            ids.allocate();
        }
        ids.release(4242);
        assertEquals(4242, ids.allocate());
        assertEquals(StreamIdAllocator.NONE, ids.allocate());
    }

    @Test
    void rotatesInsteadOfReusingTheIdJustFreed() {
        int first = ids.allocate();
        ids.release(first);
        assertNotEquals(first, ids.allocate(), "a just-freed id should be the last to come back");
    }

    @Test
    void wrapsAroundAfterTheHighestId() {
        for (int i = 1; i < StreamIdAllocator.MAX_STREAM_ID; i++) {
            assertEquals(i, ids.allocate());
        }
        for (int id = 1; id <= 10; id++) {
            ids.release(id);
        }
        assertEquals(StreamIdAllocator.MAX_STREAM_ID, ids.allocate());
        assertEquals(1, ids.allocate(), "after 65535 comes 1, never 0");
    }

    @Test
    void releasingAnIdNotInUseIsABug() {
        assertThrows(IllegalStateException.class, () -> ids.release(7));
        assertThrows(IllegalArgumentException.class, () -> ids.release(0));
        assertThrows(IllegalArgumentException.class, () -> ids.release(65536));
        int id = ids.allocate();
        ids.release(id);
        assertThrows(IllegalStateException.class, () -> ids.release(id));
    }

    @Test
    void randomAllocationsAndReleasesMatchASetModel() {
        long seed = TestSeeds.seed("StreamIdAllocatorTest.randomAllocationsAndReleasesMatchASetModel");
        Random random = new Random(seed);
        Set<Integer> model = new HashSet<>();
        List<Integer> held = new ArrayList<>();
        for (int step = 0; step < 200_000; step++) {
            boolean allocate = held.isEmpty() || random.nextInt(100) < (held.size() < 60_000 ? 60 : 30);
            if (allocate) {
                int id = ids.allocate();
                if (model.size() == StreamIdAllocator.MAX_STREAM_ID) {
                    assertEquals(StreamIdAllocator.NONE, id, "seed " + seed);
                    continue;
                }
                assertTrue(id > 0 && model.add(id), "seed " + seed + ": id " + id + " at step " + step);
                held.add(id);
            } else {
                int id = held.remove(random.nextInt(held.size()));
                ids.release(id);
                model.remove(id);
            }
            assertEquals(model.size(), ids.inUse(), "seed " + seed);
        }
        for (int id : model) {
            assertTrue(ids.isInUse(id), "seed " + seed);
        }
    }
}
