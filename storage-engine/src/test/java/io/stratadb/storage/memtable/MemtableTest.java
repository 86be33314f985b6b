package io.stratadb.storage.memtable;

import io.stratadb.storage.Cell;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemtableTest {

    private static byte[] k(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheReconciledWinnerWhateverTheArrivalOrder() {
        Memtable m = new Memtable();
        Cell newer = Cell.value(k("new"), 200);
        Cell older = Cell.value(k("old"), 100);
        Cell tieTombstone = Cell.tombstone(200, 5);
        m.put(k("a"), newer);
        m.put(k("a"), older);
        assertEquals(newer, m.get(k("a")));
        m.put(k("a"), tieTombstone);
        assertEquals(tieTombstone, m.get(k("a")), "on a timestamp tie the tombstone wins");
        assertNull(m.get(k("b")));
        assertEquals(100, m.minTimestamp());
    }

    @Test
    void iteratesInUnsignedOrderFromAKey() {
        Memtable m = new Memtable();
        byte[][] keys = {{(byte) 0xff}, {0x01}, {0x7f}, {(byte) 0x80}};
        for (byte[] key : keys) {
            m.put(key, Cell.value(key, 1));
        }
        List<Integer> seen = new ArrayList<>();
        Iterator<Map.Entry<byte[], Cell>> it = m.iterator(new byte[] {0x7f});
        it.forEachRemaining(e -> seen.add(e.getKey()[0] & 0xff));
        assertEquals(List.of(0x7f, 0x80, 0xff), seen);
    }

    @Test
    void accountsBytesForNewKeysAndReplacements() {
        Memtable m = new Memtable();
        long first = m.put(k("key"), Cell.value(new byte[100], 1));
        assertTrue(first >= 100 + 3);
        long grow = m.put(k("key"), Cell.value(new byte[300], 2));
        assertEquals(200, grow);
        long lose = m.put(k("key"), Cell.value(new byte[1000], 1));
        assertEquals(0, lose, "an older version changes nothing");
        assertEquals(first + grow, m.bytes());
    }

    @Test
    void concurrentWritersConvergeToTheNewestVersion() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("MemtableTest seed=" + seed);
        Memtable m = new Memtable();
        int threads = 8;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random r = new Random(seed + t);
            workers.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        long ts = r.nextInt(1_000_000);
                        m.put(k("k" + r.nextInt(100)), Cell.value(k("v" + ts), ts));
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }));
        }
        workers.forEach(Thread::start);
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertNull(failure.get());
        // Every key must hold the maximum timestamp any thread wrote for it.
        long[] max = new long[100];
        java.util.Arrays.fill(max, -1);
        for (int t = 0; t < threads; t++) {
            Random r = new Random(seed + t);
            for (int i = 0; i < perThread; i++) {
                long ts = r.nextInt(1_000_000);
                int key = r.nextInt(100);
                max[key] = Math.max(max[key], ts);
            }
        }
        for (int key = 0; key < 100; key++) {
            if (max[key] >= 0) {
                assertEquals(max[key], m.get(k("k" + key)).timestamp(), "key k" + key);
            }
        }
    }
}
