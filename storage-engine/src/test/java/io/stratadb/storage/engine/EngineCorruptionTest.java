package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.StorageConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static io.stratadb.storage.engine.EngineTestSupport.bytes;
import static io.stratadb.storage.engine.EngineTestSupport.flipBit;
import static io.stratadb.storage.engine.EngineTestSupport.open;
import static io.stratadb.storage.engine.EngineTestSupport.sstables;
import static io.stratadb.storage.engine.EngineTestSupport.string;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged files at the engine level: a corrupt SSTable block is reported, the file is taken out of
 * service, and no read ever returns a damaged value — only the right value, an older version held by
 * another file, or nothing.
 */
class EngineCorruptionTest {

    @TempDir
    Path dir;

    private StorageConfig config() {
        return StorageConfig.builder(dir).compression(false).blockSize(1024).build();
    }

    @Test
    void corruptDataBlockIsReportedQuarantinedAndNeverServed() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        try (StorageEngine engine = open(config(), Clock.system(), registry)) {
            for (int i = 0; i < 200; i++) {
                engine.put("t", bytes(String.format("k%03d", i)), bytes("old" + i), 1_000 + i);
            }
            engine.flush();
            for (int i = 0; i < 200; i++) {
                engine.put("t", bytes(String.format("k%03d", i)), bytes("new" + i), 5_000 + i);
            }
            engine.flush();
            List<Path> files = sstables(dir, "t");
            assertEquals(2, files.size());
            Path newer = files.get(1);
            flipBit(newer, 100, 3); // inside the first data block of the newer file

            int corruptionsSeen = 0;
            for (int i = 0; i < 200; i++) {
                byte[] key = bytes(String.format("k%03d", i));
                String v;
                try {
                    v = string(engine.get("t", key));
                } catch (CorruptionException e) {
                    corruptionsSeen++;
                    assertTrue(e.getMessage().contains(newer.getFileName().toString()), e.getMessage());
                    v = string(engine.get("t", key)); // the next read is served without the bad file
                }
                if (!("new" + i).equals(v) && !("old" + i).equals(v)) {
                    fail("key " + i + " read as " + v);
                }
            }
            assertEquals(1, corruptionsSeen, "exactly the first read of the damaged block reports it");
            assertEquals(1, registry.counter("storage.sstable.quarantined").getCount());
            assertTrue(Files.exists(newer.resolveSibling(newer.getFileName() + ".corrupt")),
                    "the file was renamed for inspection");
            assertEquals(1, sstables(dir, "t").size(), "the corrupt file left the live set");
        }
        // After a restart the quarantined file stays out of service.
        try (StorageEngine engine = open(config(), Clock.system())) {
            assertEquals("old7", string(engine.get("t", bytes("k007"))));
        }
    }

    @Test
    void corruptFooterAtStartupIsQuarantinedAndTheRestIsServed() throws Exception {
        try (StorageEngine engine = open(config(), Clock.system())) {
            engine.put("t", bytes("a"), bytes("1"), 10);
            engine.flush();
            engine.put("t", bytes("b"), bytes("2"), 20);
            engine.flush();
        }
        List<Path> files = sstables(dir, "t");
        Path second = files.get(1);
        flipBit(second, Files.size(second) - 10, 0);
        MetricRegistry registry = new MetricRegistry();
        try (StorageEngine engine = open(config(), Clock.system(), registry)) {
            assertEquals("1", string(engine.get("t", bytes("a"))));
            assertNull(engine.get("t", bytes("b")), "the damaged file's data is not served");
            assertEquals(1, registry.counter("storage.sstable.quarantined").getCount());
            assertTrue(Files.exists(second.resolveSibling(second.getFileName() + ".corrupt")));
        }
    }

    @Test
    void commitLogCorruptionStopsStartupNamingFileAndOffsetOrIsSkippedWhenConfigured() throws Exception {
        StorageConfig config = StorageConfig.builder(dir).build();
        Path segment;
        try (StorageEngine engine = open(config, Clock.system())) {
            for (int i = 0; i < 100; i++) {
                engine.put("t", bytes("k" + i), bytes("v" + i), 100 + i);
            }
            // Simulate a crash: copy the live segment aside before close() flushes and retires it.
            segment = onlySegment(config.commitLogDirectory());
            Files.copy(segment, dir.resolve("segment.copy"));
        }
        try (Stream<Path> s = Files.list(config.commitLogDirectory())) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.copy(dir.resolve("segment.copy"), segment);
        flipBit(segment, 200, 5); // an early entry, with valid entries after it: not a torn tail
        CorruptionException e = assertThrows(CorruptionException.class, () -> open(config, Clock.system()));
        assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
        assertTrue(e.offset() > 0 && e.offset() <= 200, "offset " + e.offset() + ": " + e.getMessage());

        StorageConfig skipping = config.toBuilder().corruptionPolicy(CommitLogCorruptionPolicy.SKIP).build();
        try (StorageEngine engine = open(skipping, Clock.system())) {
            assertEquals(1, engine.lastReplay().skippedCorruptions().size());
        }
    }

    private static Path onlySegment(Path commitLogDir) throws Exception {
        try (Stream<Path> s = Files.list(commitLogDir)) {
            List<Path> withData = s.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .sorted().toList();
            assertTrue(!withData.isEmpty(), "no segment in " + commitLogDir);
            return withData.get(0); // the lowest id: the one written since start (a spare comes later)
        }
    }
}
