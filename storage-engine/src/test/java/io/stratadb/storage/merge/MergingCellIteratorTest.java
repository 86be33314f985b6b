package io.stratadb.storage.merge;

import io.stratadb.storage.Cell;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class MergingCellIteratorTest {

    @Test
    void mergesSourcesIntoOneReconciledSortedStream() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("MergingCellIteratorTest seed=" + seed);
        Random r = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int sourceCount = 1 + r.nextInt(6);
            List<ConcurrentSkipListMap<byte[], Cell>> sources = new ArrayList<>();
            TreeMap<byte[], Cell> model = new TreeMap<>(Arrays::compareUnsigned);
            for (int s = 0; s < sourceCount; s++) {
                ConcurrentSkipListMap<byte[], Cell> src = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
                int n = r.nextInt(50);
                for (int i = 0; i < n; i++) {
                    byte[] key = {(byte) r.nextInt(256), (byte) r.nextInt(4)};
                    Cell c = r.nextInt(4) == 0 ? Cell.tombstone(r.nextInt(10), 1) : Cell.value(new byte[] {(byte) r.nextInt(3)}, r.nextInt(10));
                    src.merge(key, c, Cell::reconcile);
                    model.merge(key, c, Cell::reconcile);
                }
                sources.add(src);
            }
            List<CellIterator> its = new ArrayList<>();
            for (var src : sources) {
                its.add(new MemtableCellIterator(src.entrySet().iterator()));
            }
            try (MergingCellIterator merged = new MergingCellIterator(its)) {
                for (Map.Entry<byte[], Cell> e : model.entrySet()) {
                    assertEquals(true, merged.advance());
                    assertArrayEquals(e.getKey(), merged.key());
                    assertEquals(e.getValue(), merged.cell());
                }
                assertFalse(merged.advance());
            }
        }
    }
}
