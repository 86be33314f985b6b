package io.stratadb.storage.engine;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.manifest.Manifest;
import io.stratadb.storage.manifest.ManifestFile;
import io.stratadb.storage.Cell;
import io.stratadb.storage.InvalidRequestException;
import io.stratadb.storage.ManualClock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.LocalFileSystem;
import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.sstable.SSTableCaches;
import io.stratadb.storage.sstable.SSTableMetrics;
import io.stratadb.storage.sstable.SSTableOptions;
import io.stratadb.storage.sstable.SSTableReader;
import io.stratadb.storage.sstable.SSTableWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.stratadb.storage.engine.EngineTestSupport.bytes;
import static io.stratadb.storage.engine.EngineTestSupport.open;
import static io.stratadb.storage.engine.EngineTestSupport.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TTL expiry, tombstone purge after gc_grace, the purge safety rule, drops and size limits. */
class TtlAndTombstoneTest {

    private static final int GC_GRACE = 3600;

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.atDefaultStart();

    private StorageConfig config() {
        return StorageConfig.builder(dir).gcGraceSeconds(GC_GRACE).compactionThroughputMiBPerSec(0).build();
    }

    @Test
    void expiredValuesDisappearThenBecomeTombstonesThenArePurgedAfterGcGrace() {
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("t", bytes("ttl"), bytes("v"), clock.currentTimeMicros(), 10);
            engine.put("t", bytes("keep"), bytes("k"), clock.currentTimeMicros());
            assertEquals("v", string(engine.get("t", bytes("ttl"))));
            clock.advanceSeconds(9);
            assertEquals("v", string(engine.get("t", bytes("ttl"))));
            clock.advanceSeconds(1);
            assertNull(engine.get("t", bytes("ttl")), "expired in the memtable");
            engine.flush();
            assertNull(engine.get("t", bytes("ttl")), "expired in an SSTable");

            engine.majorCompact("t");
            Cell converted = engine.getCell("t", bytes("ttl"));
            assertEquals(Cell.Kind.TOMBSTONE, converted.kind(), "compaction turned the expired value into a tombstone");

            clock.advanceSeconds(GC_GRACE + 1); // expiry + gc_grace has passed
            engine.majorCompact("t");
            assertNull(engine.getCell("t", bytes("ttl")), "purged after gc_grace");
            assertEquals("k", string(engine.get("t", bytes("keep"))));
        }
    }

    @Test
    void deletesShadowOlderValuesAcrossFilesAndThePairIsDroppedAfterGcGrace() {
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("t", bytes("a"), bytes("old"), 100);
            engine.flush();
            engine.delete("t", bytes("a"), 200);
            engine.flush();
            assertNull(engine.get("t", bytes("a")));
            engine.majorCompact("t");
            assertNull(engine.get("t", bytes("a")));
            assertTrue(engine.getCell("t", bytes("a")).isTombstone(), "kept before gc_grace");
            clock.advanceSeconds(GC_GRACE + 1);
            engine.majorCompact("t");
            assertNull(engine.getCell("t", bytes("a")), "tombstone and shadowed value both gone");
            engine.put("t", bytes("a"), bytes("again"), 300);
            assertEquals("again", string(engine.get("t", bytes("a"))));
        }
    }

    @Test
    void aTombstoneIsKeptWhileAnOlderVersionMayLiveOutsideTheCompaction() throws Exception {
        LocalFileSystem fs = new LocalFileSystem();
        SSTableCaches caches = new SSTableCaches(1 << 20, 1 << 20, null);
        SSTableMetrics metrics = new SSTableMetrics(new MetricRegistry());
        Path path = dir.resolve("000000000001.sst");
        try (SSTableWriter w = SSTableWriter.create(fs, path, SSTableOptions.from(config()), 2)) {
            w.append(bytes("inOtherFile"), Cell.value(bytes("old"), 100));
            w.finish();
        }
        SSTableReader other = SSTableReader.open(fs, path, 1, caches, metrics);
        try {
            MemtableGeneration memtable = new MemtableGeneration(1);
            memtable.put("t", bytes("inMemtable"), Cell.value(bytes("old"), 100));
            memtable.put("t", bytes("newerInMemtable"), Cell.value(bytes("new"), 900));
            long now = clock.currentTimeSeconds();
            TombstonePurger purger = new TombstonePurger("t", now, GC_GRACE, List.of(other), List.of(memtable),
                    new SSTableTracker(fs, dir, new ManifestFile(fs, dir), Manifest.empty(),
                            new EngineView(new MemtableGeneration(2), List.of(), Map.of()), new Counter()));
            int oldEnough = (int) (now - GC_GRACE - 1);
            assertFalse(purger.canPurge(bytes("inOtherFile"), Cell.tombstone(500, oldEnough)));
            assertTrue(purger.canPurge(bytes("inOtherFile"), Cell.tombstone(50, oldEnough)),
                    "the other file only holds newer data than this tombstone");
            assertFalse(purger.canPurge(bytes("inMemtable"), Cell.tombstone(500, oldEnough)));
            assertTrue(purger.canPurge(bytes("newerInMemtable"), Cell.tombstone(500, oldEnough)));
            assertTrue(purger.canPurge(bytes("nowhereElse"), Cell.tombstone(500, oldEnough)));
            assertFalse(purger.canPurge(bytes("nowhereElse"), Cell.tombstone(500, (int) (now - GC_GRACE + 1))),
                    "not before gc_grace");
        } finally {
            other.release();
        }
    }

    @Test
    void droppedTableIsGoneAfterRestartAndCanBeRecreated() {
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("gone", bytes("k"), bytes("v"), 1);
            engine.flush();
            engine.put("gone", bytes("k2"), bytes("v2"), 2);
            engine.put("kept", bytes("k"), bytes("v"), 1);
            engine.dropTable("gone");
            assertNull(engine.get("gone", bytes("k")));
            assertNull(engine.get("gone", bytes("k2")));
            assertFalse(engine.tables().contains("gone"));
        }
        try (StorageEngine engine = open(config(), clock)) {
            assertNull(engine.get("gone", bytes("k2")), "nothing replayed from the commit log");
            assertEquals("v", string(engine.get("kept", bytes("k"))));
            engine.put("gone", bytes("k"), bytes("new"), 3);
            assertEquals("new", string(engine.get("gone", bytes("k"))));
        }
    }

    @Test
    void orphanFilesOfCrashedFlushesAndDroppedTablesAreDeletedAtStart() throws Exception {
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("live", bytes("k"), bytes("v"), 1);
            engine.flush();
        }
        // Leftovers a crash can leave: a half-written flush output, an unlisted file, a dropped table's file.
        java.nio.file.Files.writeString(dir.resolve("live").resolve("000000000099.sst.tmp"), "partial");
        java.nio.file.Files.writeString(dir.resolve("live").resolve("000000000098.sst"), "unlisted");
        java.nio.file.Files.createDirectories(dir.resolve("dropped"));
        java.nio.file.Files.writeString(dir.resolve("dropped").resolve("000000000097.sst"), "dropped");
        try (StorageEngine engine = open(config(), clock)) {
            assertEquals("v", string(engine.get("live", bytes("k"))));
        }
        assertFalse(java.nio.file.Files.exists(dir.resolve("live").resolve("000000000099.sst.tmp")));
        assertFalse(java.nio.file.Files.exists(dir.resolve("live").resolve("000000000098.sst")));
        assertFalse(java.nio.file.Files.exists(dir.resolve("dropped").resolve("000000000097.sst")));
    }

    @Test
    void valuesUpToTheLimitAreAcceptedAndLargerOnesRefusedWithNothingWritten() {
        try (StorageEngine engine = open(config(), clock)) {
            byte[] max = new byte[1 << 20];
            max[12345] = 7;
            engine.put("t", bytes("big"), max, 1);
            engine.flush();
            assertEquals(7, engine.get("t", bytes("big"))[12345]);
            InvalidRequestException e = assertThrows(InvalidRequestException.class,
                    () -> engine.put("t", bytes("bigger"), new byte[(1 << 20) + 1], 2));
            assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
            assertNull(engine.get("t", bytes("bigger")));
            assertThrows(InvalidRequestException.class, () -> engine.put("bad-name", bytes("k"), bytes("v"), 1));
            assertThrows(InvalidRequestException.class, () -> engine.put("t", new byte[0], bytes("v"), 1));
        }
    }
}
