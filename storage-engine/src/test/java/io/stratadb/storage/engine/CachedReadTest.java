package io.stratadb.storage.engine;

import io.stratadb.storage.ManualClock;
import io.stratadb.storage.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.stratadb.storage.engine.EngineTestSupport.bytes;
import static io.stratadb.storage.engine.EngineTestSupport.open;
import static io.stratadb.storage.engine.EngineTestSupport.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link StorageEngine#getCellIfCached}: answers from memory when it can, and says so when it cannot. */
class CachedReadTest {

    @TempDir
    Path dir;

    private final ManualClock clock = ManualClock.atDefaultStart();

    private StorageConfig config() {
        return StorageConfig.builder(dir).compactionThroughputMiBPerSec(0).build();
    }

    @Test
    void memtableHitsAndBloomMissesAreAnsweredWithoutIo() {
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("t", bytes("a"), bytes("1"), 10);
            CachedRead hit = engine.getCellIfCached("t", bytes("a"));
            assertTrue(hit.isComplete());
            assertEquals("1", string(hit.cell().value()));

            CachedRead absent = engine.getCellIfCached("t", bytes("zz"));
            assertTrue(absent.isComplete(), "no SSTable yet: nothing to read");
            assertNull(absent.cell());
        }
    }

    @Test
    void aColdBlockIsNotReadButAfterAFullReadItIsCached() {
        try (StorageEngine engine = open(config(), clock)) {
            for (int i = 0; i < 100; i++) {
                engine.put("t", bytes("k" + i), bytes("v" + i), 10);
            }
            engine.flush();
        }
        try (StorageEngine engine = open(config(), clock)) { // caches start empty
            assertFalse(engine.getCellIfCached("t", bytes("k7")).isComplete(), "index and block are on disk only");
            assertEquals("v7", string(engine.get("t", bytes("k7"))));
            CachedRead warm = engine.getCellIfCached("t", bytes("k8"));
            assertTrue(warm.isComplete(), "same block, now cached");
            assertEquals("v8", string(warm.cell().value()));
            CachedRead outside = engine.getCellIfCached("t", bytes("zzz"));
            assertTrue(outside.isComplete(), "outside the file's key range");
            assertNull(outside.cell());
        }
    }

    @Test
    void aNewerMemtableVersionNeedsNoOlderFile() {
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("t", bytes("a"), bytes("old"), 10);
            engine.put("t", bytes("c"), bytes("c-old"), 10);
            engine.flush();
        }
        try (StorageEngine engine = open(config(), clock)) {
            engine.put("t", bytes("a"), bytes("new"), 20);
            CachedRead r = engine.getCellIfCached("t", bytes("a"));
            assertTrue(r.isComplete(), "the file's max timestamp (10) is older than the memtable's version");
            assertEquals("new", string(r.cell().value()));

            engine.put("t", bytes("c"), bytes("late-but-older"), 5);
            assertFalse(engine.getCellIfCached("t", bytes("c")).isComplete(),
                    "the file holds a version of c newer than the memtable's (10 > 5): it must be read");
            assertEquals("c-old", string(engine.get("t", bytes("c"))));
        }
    }
}
