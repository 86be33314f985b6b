package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Gets of absent keys must be answered by the bloom filter, not by reading data blocks. */
@ExtendWith(SeedExtension.class)
class AbsentKeyGetTest {

    @Test
    void absentKeyGetsOverALargeTableReadAlmostNoDataBlocks(Random r, @TempDir Path dir) throws IOException {
        NavigableMap<byte[], Cell> model = TestTables.newModel();
        while (model.size() < 200_000) {
            model.put(TestTables.randomKey(r, 16, 16), Cell.value(TestTables.randomValue(r, 20), 1));
        }
        Path path = dir.resolve("t.sst");
        SSTableStats stats = TestTables.write(new LocalFileSystem(), path, SSTableOptions.of(16384, true, 0.01), model);
        assertTrue(stats.dataBlockCount() > 200);
        SSTableMetrics metrics = TestTables.metrics();
        SSTableReader reader = SSTableReader.open(new LocalFileSystem(), path, 1, TestTables.caches(), metrics);
        int gets = 100_000;
        int inRange = 0;
        for (int i = 0; i < gets; i++) {
            byte[] key = TestTables.randomKey(r, 16, 16);
            if (model.containsKey(key)) {
                continue;
            }
            if (compare(key, model.firstKey()) > 0 && compare(key, model.lastKey()) < 0) {
                inRange++;
            }
            assertNull(reader.get(key));
        }
        long falsePositives = metrics.bloomFalsePositives();
        assertEquals(inRange, metrics.bloomNegatives() + falsePositives, "every in-range get asked the bloom filter");
        assertTrue(falsePositives < 0.02 * gets, falsePositives + " false positives in " + gets + " gets");
        assertTrue(metrics.dataBlocksReadFromDisk() <= falsePositives,
                metrics.dataBlocksReadFromDisk() + " blocks read for " + falsePositives + " false positives");
        reader.release();
    }

    private static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }
}
