package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Writes a random model as an SSTable and reads every part of it back, in several layouts. */
@ExtendWith(SeedExtension.class)
class SSTableRoundTripTest {

    private final FileSystem fs = new LocalFileSystem();

    @ParameterizedTest(name = "compression={0} blockSize={1}")
    @CsvSource({"false, 256", "true, 256", "false, 16384", "true, 16384"})
    void everyGetAndScanMatchesTheModel(boolean compression, int blockSize, Random r, @TempDir Path dir)
            throws IOException {
        NavigableMap<byte[], Cell> model = randomModel(r, 2_000);
        Path path = dir.resolve("t.sst");
        SSTableStats written = TestTables.write(fs, path, SSTableOptions.of(blockSize, compression, 0.01), model);
        assertStatsMatch(model, written);
        assertEquals(fs.size(path), written.fileSize());

        SSTableReader reader = SSTableReader.open(fs, path, 1, TestTables.caches(), TestTables.metrics());
        try {
            assertStatsMatch(model, reader.stats());
            assertEquals(written.dataBlockCount(), reader.stats().dataBlockCount());
            assertEquals(written.uncompressedDataSize(), reader.stats().uncompressedDataSize());
            for (Map.Entry<byte[], Cell> e : model.entrySet()) {
                assertTrue(reader.mayContain(e.getKey()));
                assertEquals(e.getValue(), reader.get(e.getKey()), () -> "get " + Arrays.toString(e.getKey()));
            }
            for (int i = 0; i < 2_000; i++) {
                byte[] absent = TestTables.randomKey(r, 0, 24);
                if (!model.containsKey(absent)) {
                    assertNull(reader.get(absent));
                }
            }
            assertNull(reader.get(beyond(model.lastKey())));
            assertScansMatch(reader, model, null);
            for (int i = 0; i < 30; i++) {
                byte[] from = r.nextBoolean() ? randomExistingKey(r, model) : TestTables.randomKey(r, 0, 24);
                assertScansMatch(reader, model, from);
            }
            assertScansMatch(reader, model, beyond(model.lastKey()));
            reader.verify();
        } finally {
            reader.release();
        }
    }

    @ParameterizedTest(name = "compression={0}")
    @CsvSource({"false", "true"})
    void oneMebibyteAndEmptyValuesRoundTrip(boolean compression, Random r, @TempDir Path dir) throws IOException {
        NavigableMap<byte[], Cell> model = TestTables.newModel();
        for (int i = 0; i < 40; i++) {
            byte[] key = TestTables.randomKey(r, 1, 16);
            int length = i % 10 == 0 ? 1 << 20 : (i % 3 == 0 ? 0 : r.nextInt(300));
            model.put(key, r.nextBoolean() ? Cell.value(TestTables.randomValue(r, length), i)
                    : Cell.expiring(TestTables.randomValue(r, length), i, 1_000 + i));
        }
        model.put(new byte[0], Cell.value(new byte[0], 7)); // the empty key sorts first
        Path path = dir.resolve("big.sst");
        TestTables.write(fs, path, SSTableOptions.of(4096, compression, 0.01), model);
        SSTableReader reader = SSTableReader.open(fs, path, 2, TestTables.caches(), TestTables.metrics());
        try {
            for (Map.Entry<byte[], Cell> e : model.entrySet()) {
                assertEquals(e.getValue(), reader.get(e.getKey()));
            }
            assertScansMatch(reader, model, null);
            assertScansMatch(reader, model, randomExistingKey(r, model));
        } finally {
            reader.release();
        }
    }

    @Test
    void compressionShrinksCompressibleBlocksAndNeverGrowsOthers(Random r, @TempDir Path dir) throws IOException {
        NavigableMap<byte[], Cell> repetitive = TestTables.newModel();
        NavigableMap<byte[], Cell> random = TestTables.newModel();
        for (int i = 0; i < 3_000; i++) {
            byte[] value = new byte[100];
            Arrays.fill(value, (byte) (i % 7));
            repetitive.put(TestTables.randomKey(r, 16, 16), Cell.value(value, 1_000_000L + i));
            byte[] noise = new byte[100];
            r.nextBytes(noise);
            random.put(TestTables.randomKey(r, 16, 16), Cell.value(noise, r.nextLong()));
        }
        assertTrue(fileSize(dir, repetitive, true) < fileSize(dir, repetitive, false) * 0.7);
        // A block is stored compressed only when that saves space, so compression never costs bytes.
        assertTrue(fileSize(dir, random, true) <= fileSize(dir, random, false));
    }

    private long fileSize(Path dir, NavigableMap<byte[], Cell> model, boolean compression) throws IOException {
        Path path = dir.resolve("t-" + compression + "-" + System.identityHashCode(model) + ".sst");
        return TestTables.write(fs, path, SSTableOptions.of(16384, compression, 0.01), model).fileSize();
    }

    static NavigableMap<byte[], Cell> randomModel(Random r, int n) {
        NavigableMap<byte[], Cell> model = TestTables.newModel();
        while (model.size() < n) {
            int valueLength = r.nextInt(10) == 0 ? 0 : r.nextInt(r.nextInt(10) == 0 ? 3_000 : 120);
            model.put(TestTables.randomKey(r, 1, 24), TestTables.randomCell(r, valueLength));
        }
        return model;
    }

    static void assertScansMatch(SSTableReader reader, NavigableMap<byte[], Cell> model, byte[] from) throws IOException {
        List<Map.Entry<byte[], Cell>> expected = new ArrayList<>((from == null ? model : model.tailMap(from, true)).entrySet());
        for (boolean useCache : new boolean[] {true, false}) {
            try (SSTableScanner s = reader.scanner(from, useCache)) {
                long lastBytes = 0;
                for (Map.Entry<byte[], Cell> e : expected) {
                    assertTrue(s.hasNext(), "scanner ended early");
                    assertArrayEquals(e.getKey(), s.key());
                    assertArrayEquals(e.getKey(), s.key(), "key() is repeatable");
                    assertEquals(e.getValue(), s.cell());
                    assertTrue(s.bytesRead() >= lastBytes && s.bytesRead() > 0);
                    lastBytes = s.bytesRead();
                    s.next();
                }
                assertFalse(s.hasNext(), "scanner returned more than the model's tail");
            }
        }
    }

    private static void assertStatsMatch(NavigableMap<byte[], Cell> model, SSTableStats stats) {
        assertEquals(model.size(), stats.keyCount());
        assertEquals(model.values().stream().filter(Cell::isTombstone).count(), stats.tombstoneCount());
        assertEquals(model.values().stream().filter(c -> c.kind() == Cell.Kind.EXPIRING).count(), stats.expiringCount());
        assertEquals(model.values().stream().mapToLong(Cell::timestamp).min().getAsLong(), stats.minTimestamp());
        assertEquals(model.values().stream().mapToLong(Cell::timestamp).max().getAsLong(), stats.maxTimestamp());
        assertEquals(model.values().stream().filter(c -> c.kind() != Cell.Kind.VALUE)
                .mapToInt(Cell::localDeletionTime).max().orElse(SSTableStats.NO_DELETIONS), stats.maxLocalDeletionTime());
        assertArrayEquals(model.firstKey(), stats.minKey());
        assertArrayEquals(model.lastKey(), stats.maxKey());
        assertEquals(SSTableFormatVersion.V1, stats.formatVersion());
        assertTrue(stats.dataBlockCount() > 0);
    }

    private static byte[] randomExistingKey(Random r, NavigableMap<byte[], Cell> model) {
        byte[] probe = TestTables.randomKey(r, 0, 24);
        byte[] k = model.ceilingKey(probe);
        return k != null ? k : model.firstKey();
    }

    /** A key greater than {@code key}. */
    private static byte[] beyond(byte[] key) {
        return Arrays.copyOf(key, key.length + 1);
    }
}
