package io.stratadb.storage;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellTest {

    @Test
    void newerTimestampWins() {
        Cell old = Cell.value(new byte[] {9}, 1);
        Cell tomb = Cell.tombstone(2, 100);
        assertSame(tomb, Cell.reconcile(old, tomb));
        assertSame(tomb, Cell.reconcile(tomb, old));
    }

    @Test
    void onTiesTombstoneThenExpiringThenLargerValue() {
        Cell v = Cell.value(new byte[] {(byte) 0xff}, 5);
        Cell e = Cell.expiring(new byte[] {0}, 5, 1000);
        Cell t = Cell.tombstone(5, 1);
        assertSame(t, Cell.reconcile(v, t));
        assertSame(t, Cell.reconcile(e, t));
        assertSame(e, Cell.reconcile(v, e));
        Cell small = Cell.value(new byte[] {1}, 5);
        Cell large = Cell.value(new byte[] {(byte) 0x80}, 5); // unsigned: 0x80 > 0x01
        assertSame(large, Cell.reconcile(small, large));
    }

    @Test
    void reconcileIsCommutativeAssociativeAndStableUnderExpiry() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("CellTest seed=" + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            Cell a = random(r);
            Cell b = random(r);
            Cell c = random(r);
            assertEquals(Cell.reconcile(a, b), Cell.reconcile(b, a));
            assertEquals(Cell.reconcile(Cell.reconcile(a, b), c), Cell.reconcile(a, Cell.reconcile(b, c)));
            // Compaction turning expired cells into tombstones must not change which is visible.
            long now = r.nextInt(40);
            Cell before = Cell.reconcile(a, b);
            Cell after = Cell.reconcile(a.expireIfDue(now), b.expireIfDue(now));
            assertEquals(before.isLive(now), after.isLive(now), a + " vs " + b + " at " + now);
            if (before.isLive(now)) {
                assertEquals(before, after);
            }
        }
    }

    @Test
    void liveness() {
        assertTrue(Cell.value(new byte[0], 1).isLive(Long.MAX_VALUE));
        assertTrue(Cell.expiring(new byte[0], 1, 10).isLive(9));
        assertFalse(Cell.expiring(new byte[0], 1, 10).isLive(10));
        assertFalse(Cell.tombstone(1, 0).isLive(0));
        assertEquals(Cell.Kind.TOMBSTONE, Cell.expiring(new byte[] {1}, 1, 10).expireIfDue(10).kind());
    }

    private static Cell random(Random r) {
        long ts = r.nextInt(4);
        byte[] v = {(byte) r.nextInt(3)};
        switch (r.nextInt(3)) {
            case 0: return Cell.value(v, ts);
            case 1: return Cell.expiring(v, ts, 1 + r.nextInt(30));
            default: return Cell.tombstone(ts, r.nextInt(30));
        }
    }
}
