package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SSTableWriterTest {

    private static final SSTableOptions SMALL_BLOCKS = SSTableOptions.of(256, true, 0.01);

    @TempDir
    Path dir;
    private final FileSystem fs = new LocalFileSystem();

    @Test
    void keysOutOfOrderOrRepeatedAreRejectedAndTheWriterStaysUsable() throws IOException {
        Path path = dir.resolve("t.sst");
        try (SSTableWriter w = SSTableWriter.create(fs, path, SMALL_BLOCKS, 10)) {
            w.append(key("b"), Cell.value(key("1"), 1));
            assertThrows(IllegalArgumentException.class, () -> w.append(key("a"), Cell.value(key("2"), 2)));
            assertThrows(IllegalArgumentException.class, () -> w.append(key("b"), Cell.value(key("3"), 3)));
            // Unsigned order: 0x80 sorts after 0x7f even though it is a negative byte.
            w.append(new byte[] {0x7f}, Cell.value(key("4"), 4));
            w.append(new byte[] {(byte) 0x80}, Cell.value(key("5"), 5));
            assertThrows(IllegalArgumentException.class, () -> w.append(new byte[] {0x7f}, Cell.value(key("6"), 6)));
            assertEquals(3, w.keyCount());
            assertEquals(3, w.finish().keyCount());
        }
        assertEquals(List.of(path), fs.list(dir));
    }

    @Test
    void closeWithoutFinishLeavesNoFile() throws IOException {
        try (SSTableWriter w = SSTableWriter.create(fs, dir.resolve("t.sst"), SMALL_BLOCKS, 1000)) {
            for (int i = 0; i < 1000; i++) {
                w.append(key(String.format("k%05d", i)), Cell.value(new byte[50], i));
            }
            assertTrue(w.bytesWritten() > 0, "blocks are written as they fill");
            assertEquals(1, fs.list(dir).size(), "only the temporary file exists while writing");
            assertTrue(fs.list(dir).get(0).getFileName().toString().endsWith(".sst.tmp"));
        }
        assertEquals(List.of(), fs.list(dir));
    }

    @Test
    void finishLeavesExactlyTheFinalFileAndBytesWrittenTracksTheFile() throws IOException {
        Path path = dir.resolve("t.sst");
        SSTableStats stats;
        try (SSTableWriter w = SSTableWriter.create(fs, path, SMALL_BLOCKS, 500)) {
            long last = 0;
            for (int i = 0; i < 500; i++) {
                w.append(key(String.format("k%05d", i)), Cell.value(new byte[i % 40], i));
                assertTrue(w.bytesWritten() >= last);
                last = w.bytesWritten();
            }
            stats = w.finish();
            assertEquals(fs.size(path), w.bytesWritten());
            assertThrows(IllegalStateException.class, () -> w.append(key("z"), Cell.value(new byte[0], 1)));
            assertThrows(IllegalStateException.class, w::finish);
        }
        assertEquals(List.of(path), fs.list(dir));
        assertEquals(fs.size(path), stats.fileSize());
        assertEquals(500, stats.keyCount());
    }

    @Test
    void anEmptyTableIsValid() throws IOException {
        Path path = dir.resolve("empty.sst");
        try (SSTableWriter w = SSTableWriter.create(fs, path, SMALL_BLOCKS, 0)) {
            SSTableStats stats = w.finish();
            assertTrue(stats.isEmpty());
            assertNull(stats.minKey());
        }
        SSTableReader r = SSTableReader.open(fs, path, 1, TestTables.caches(), TestTables.metrics());
        assertTrue(r.stats().isEmpty());
        assertEquals(0, r.stats().dataBlockCount());
        assertFalse(r.mayContain(key("a")));
        assertNull(r.get(key("a")));
        assertNull(r.get(new byte[0]));
        try (SSTableScanner s = r.scanner(null, true)) {
            assertFalse(s.hasNext());
        }
        try (SSTableScanner s = r.scanner(key("a"), false)) {
            assertFalse(s.hasNext());
        }
        r.verify();
        r.release();
    }

    @Test
    void aFailedWriteOrFinishLeavesNothingBehindAfterClose() throws IOException {
        for (String failure : new String[] {"write", "sync", "rename", "dirsync"}) {
            FaultyFileSystem faulty = new FaultyFileSystem();
            Path path = dir.resolve(failure + ".sst");
            SSTableWriter w = SSTableWriter.create(faulty, path, SMALL_BLOCKS, 100);
            try (w) {
                switch (failure) {
                    case "write": faulty.failWritesAfterBytes = 1000; break;
                    case "sync": faulty.failSync = true; break;
                    case "rename": faulty.failRename = true; break;
                    default: faulty.failDirectorySync = true; break;
                }
                assertThrows(IOException.class, () -> {
                    for (int i = 0; i < 100; i++) {
                        w.append(key(String.format("k%05d", i)), Cell.value(new byte[30], i));
                    }
                    w.finish();
                }, failure);
                assertThrows(IllegalStateException.class, () -> w.append(key("z"), Cell.value(new byte[0], 1)));
            }
            assertEquals(List.of(), fs.list(dir), failure);
        }
    }

    @Test
    void optionsComeFromTheStorageConfig() {
        var config = io.stratadb.storage.StorageConfig.builder(dir).blockSize(4096).compression(false)
                .bloomFalsePositiveChance(0.05).build();
        SSTableOptions o = SSTableOptions.from(config);
        assertEquals(4096, o.blockSize());
        assertFalse(o.compression());
        assertEquals(0.05, o.bloomFalsePositiveChance());
        assertThrows(IllegalArgumentException.class, () -> SSTableOptions.of(16, true, 0.01));
        assertThrows(IllegalArgumentException.class, () -> SSTableOptions.of(4096, true, 1.0));
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
