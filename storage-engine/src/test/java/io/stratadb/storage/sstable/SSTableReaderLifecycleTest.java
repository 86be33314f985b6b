package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference counting, obsolete-file deletion and cache invalidation. */
class SSTableReaderLifecycleTest {

    @TempDir
    Path dir;
    private final FileSystem fs = new LocalFileSystem();
    private final SSTableCaches caches = TestTables.caches();
    private Path path;
    private NavigableMap<byte[], Cell> model;

    @BeforeEach
    void writeTable() throws IOException {
        model = SSTableRoundTripTest.randomModel(new Random(42), 500);
        path = dir.resolve("t.sst");
        TestTables.write(fs, path, SSTableOptions.of(512, true, 0.01), model);
    }

    @Test
    void theLastReleaseClosesTheReaderForGood() throws IOException {
        SSTableReader r = SSTableReader.open(fs, path, 7, caches, TestTables.metrics());
        assertTrue(r.tryRef());
        assertEquals(2, r.refCount());
        r.release();
        assertNotNull(r.get(model.firstKey()));
        r.release();
        assertFalse(r.tryRef(), "a released reader cannot be revived");
        assertThrows(IllegalStateException.class, () -> r.get(model.firstKey()));
        assertThrows(IllegalStateException.class, () -> r.scanner(null, true));
        assertThrows(IllegalStateException.class, r::release);
        assertTrue(fs.exists(path), "released but not obsolete: the file stays");
    }

    @Test
    void anObsoleteFileIsDeletedWhenTheLastReferenceGoes() throws IOException {
        SSTableReader r = SSTableReader.open(fs, path, 7, caches, TestTables.metrics());
        assertTrue(r.tryRef()); // a read in flight
        r.markObsolete();
        r.release(); // the engine drops the file from its live set
        assertTrue(fs.exists(path), "a reader still holds it");
        assertEquals(model.firstEntry().getValue(), r.get(model.firstKey()));
        r.release();
        assertFalse(fs.exists(path));
    }

    @Test
    void markingObsoleteAfterTheLastReleaseDeletesAtOnce() throws IOException {
        SSTableReader r = SSTableReader.open(fs, path, 7, caches, TestTables.metrics());
        r.release();
        assertTrue(fs.exists(path));
        r.markObsolete();
        assertFalse(fs.exists(path));
    }

    @Test
    void aScannerKeepsTheFileAliveUntilClosed() throws IOException {
        SSTableReader r = SSTableReader.open(fs, path, 7, caches, TestTables.metrics());
        SSTableScanner s = r.scanner(null, false);
        r.markObsolete();
        r.release();
        int n = 0;
        while (s.hasNext()) {
            assertEquals(model.get(s.key()), s.cell());
            s.next();
            n++;
        }
        assertEquals(model.size(), n);
        assertTrue(fs.exists(path));
        s.close();
        s.close(); // idempotent: must not release twice
        assertFalse(fs.exists(path));
    }

    @Test
    void releasingDropsTheReadersCacheEntriesOnly() throws IOException {
        Path other = dir.resolve("u.sst");
        TestTables.write(fs, other, SSTableOptions.of(512, true, 0.01), model);
        SSTableReader a = SSTableReader.open(fs, path, 1, caches, TestTables.metrics());
        SSTableReader b = SSTableReader.open(fs, other, 2, caches, TestTables.metrics());
        for (byte[] key : model.keySet()) {
            a.get(key);
            b.get(key);
        }
        assertTrue(caches.blocks().entriesOf(1) > 1);
        assertNotNull(caches.indexes().getIfPresent(1));
        long bBlocks = caches.blocks().entriesOf(2);
        a.release();
        assertEquals(0, caches.blocks().entriesOf(1));
        assertNull(caches.indexes().getIfPresent(1));
        assertEquals(bBlocks, caches.blocks().entriesOf(2));
        assertNotNull(caches.indexes().getIfPresent(2));
        b.release();
    }
}
