package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import io.stratadb.storage.io.ReadableFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flips single bits in each part of an SSTable and checks that the damage is always detected, named
 * by file and offset, and that no damaged or wrong value is ever returned.
 */
@ExtendWith(SeedExtension.class)
class SSTableCorruptionTest {

    private final FileSystem fs = new LocalFileSystem();
    @TempDir
    Path dir;
    private NavigableMap<byte[], Cell> model;
    private byte[] clean;
    private Footer footer;
    private BlockIndex index;
    private int copies;

    private void writeTable(Random r) throws IOException {
        model = SSTableRoundTripTest.randomModel(r, 1_500);
        Path path = dir.resolve("clean.sst");
        TestTables.write(fs, path, SSTableOptions.of(512, true, 0.01), model);
        clean = Files.readAllBytes(path);
        long footerOffset = clean.length - Footer.SIZE;
        footer = Footer.decode(Arrays.copyOfRange(clean, (int) footerOffset, clean.length), path, footerOffset);
        try (ReadableFile f = fs.open(path)) {
            byte[] contents = new BlockReader(path, f, LZ4Factory.fastestInstance().safeDecompressor())
                    .read(footer.index(), "index block");
            index = BlockIndex.decode(contents, footer.bloom().offset());
        }
    }

    @Test
    void dataBlockFlipFailsOnlyThatBlocksReadsAndIsNeverCached(Random r) throws IOException {
        writeTable(r);
        for (int trial = 0; trial < 25; trial++) {
            long pos = (long) (r.nextDouble() * footer.bloom().offset());
            int block = blockContaining(pos);
            long blockOffset = index.offset(block);
            Path copy = flipped(pos, r.nextInt(8));
            SSTableCaches caches = TestTables.caches();
            SSTableMetrics metrics = TestTables.metrics();
            SSTableReader reader = SSTableReader.open(fs, copy, 1, caches, metrics);
            try {
                int failures = 0;
                for (Map.Entry<byte[], Cell> e : model.entrySet()) {
                    boolean inDamagedBlock = blockOf(e.getKey()) == block;
                    try {
                        Cell got = reader.get(e.getKey());
                        assertTrue(!inDamagedBlock, "a key of the damaged block was answered");
                        assertEquals(e.getValue(), got);
                    } catch (CorruptionException ex) {
                        assertTrue(inDamagedBlock, "a key outside the damaged block failed: " + ex);
                        assertNamesBlock(ex, copy, blockOffset);
                        failures++;
                    }
                }
                assertTrue(failures > 0);
                assertNull(caches.blocks().get(1, blockOffset), "a damaged block was cached");
                assertEquals(failures, metrics.corruptions());
                assertScanStopsAtDamage(reader, copy, blockOffset);
                assertNamesBlock(assertThrows(CorruptionException.class, reader::verify), copy, blockOffset);
            } finally {
                reader.release();
            }
        }
    }

    @Test
    void indexFlipFailsEveryLookupButNotTheOpen(Random r) throws IOException {
        writeTable(r);
        for (int trial = 0; trial < 10; trial++) {
            long pos = footer.index().offset() + r.nextInt((int) (footer.index().end() - footer.index().offset()));
            Path copy = flipped(pos, r.nextInt(8));
            SSTableMetrics metrics = TestTables.metrics();
            SSTableReader reader = SSTableReader.open(fs, copy, 1, TestTables.caches(), metrics);
            try {
                for (byte[] key : model.keySet()) {
                    assertNamesBlock(assertThrows(CorruptionException.class, () -> reader.get(key)), copy,
                            footer.index().offset());
                }
                assertNamesBlock(assertThrows(CorruptionException.class, () -> reader.scanner(null, false)), copy,
                        footer.index().offset());
                assertEquals(1, reader.refCount(), "a failed scanner() must not leak its reference");
                assertThrows(CorruptionException.class, reader::verify);
                assertTrue(metrics.corruptions() >= model.size());
            } finally {
                reader.release();
            }
        }
    }

    @Test
    void bloomAndStatsFlipsFailTheOpen(Random r) throws IOException {
        writeTable(r);
        for (BlockHandle meta : new BlockHandle[] {footer.bloom(), footer.stats()}) {
            for (int trial = 0; trial < 20; trial++) {
                long pos = meta.offset() + r.nextInt((int) (meta.end() - meta.offset()));
                Path copy = flipped(pos, r.nextInt(8));
                SSTableMetrics metrics = TestTables.metrics();
                CorruptionException e = assertThrows(CorruptionException.class,
                        () -> SSTableReader.open(fs, copy, 1, TestTables.caches(), metrics));
                assertNamesBlock(e, copy, meta.offset());
                assertEquals(1, metrics.corruptions());
            }
        }
    }

    @Test
    void everyFooterBitFlipFailsTheOpen(Random r) throws IOException {
        writeTable(r);
        long footerOffset = clean.length - Footer.SIZE;
        for (int i = 0; i < Footer.SIZE; i++) {
            for (int bit = 0; bit < 8; bit++) {
                Path copy = flipped(footerOffset + i, bit);
                CorruptionException e = assertThrows(CorruptionException.class,
                        () -> SSTableReader.open(fs, copy, 1, TestTables.caches(), TestTables.metrics()));
                assertEquals(copy, e.file());
                assertTrue(e.offset() >= footerOffset && e.offset() < clean.length, e.getMessage());
                Files.delete(copy);
            }
        }
    }

    @Test
    void verifyCatchesAFlipAnywhere(Random r) throws IOException {
        writeTable(r);
        SSTableReader intact = SSTableReader.open(fs, dir.resolve("clean.sst"), 1, TestTables.caches(), TestTables.metrics());
        intact.verify();
        intact.release();
        for (int trial = 0; trial < 200; trial++) {
            Path copy = flipped((long) (r.nextDouble() * clean.length), r.nextInt(8));
            SSTableReader reader;
            try {
                reader = SSTableReader.open(fs, copy, 1, TestTables.caches(), TestTables.metrics());
            } catch (CorruptionException e) {
                assertEquals(copy, e.file());
                Files.delete(copy);
                continue;
            }
            try {
                CorruptionException e = assertThrows(CorruptionException.class, reader::verify);
                assertEquals(copy, e.file());
            } finally {
                reader.release();
            }
            Files.delete(copy);
        }
    }

    @Test
    void truncatedFilesFailTheOpen(Random r) throws IOException {
        writeTable(r);
        for (int trial = 0; trial < 50; trial++) {
            int length = trial == 0 ? 0 : r.nextInt(clean.length);
            Path copy = dir.resolve("truncated-" + trial + ".sst");
            Files.write(copy, Arrays.copyOf(clean, length));
            CorruptionException e = assertThrows(CorruptionException.class,
                    () -> SSTableReader.open(fs, copy, 1, TestTables.caches(), TestTables.metrics()));
            assertEquals(copy, e.file());
        }
    }

    private void assertScanStopsAtDamage(SSTableReader reader, Path copy, long blockOffset) throws IOException {
        for (boolean useCache : new boolean[] {true, false}) {
            try (SSTableScanner s = reader.scanner(null, useCache)) {
                for (Map.Entry<byte[], Cell> e : model.entrySet()) {
                    if (index.offset(blockOf(e.getKey())) == blockOffset) {
                        fail("the scanner reached the damaged block without an error");
                    }
                    assertTrue(Arrays.equals(e.getKey(), s.key()));
                    assertEquals(e.getValue(), s.cell());
                    if (index.offset(blockOf(model.higherKey(e.getKey()))) == blockOffset) {
                        assertNamesBlock(assertThrows(CorruptionException.class, s::next), copy, blockOffset);
                        break;
                    }
                    s.next();
                }
            } catch (CorruptionException e) {
                assertNamesBlock(e, copy, blockOffset); // the very first block is the damaged one
            }
        }
    }

    private static void assertNamesBlock(CorruptionException e, Path file, long offset) {
        assertEquals(file, e.file());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()));
    }

    private int blockContaining(long pos) {
        int b = 0;
        while (b + 1 < index.blockCount() && index.offset(b + 1) <= pos) {
            b++;
        }
        return b;
    }

    private int blockOf(byte[] key) {
        return key == null ? -1 : index.findBlock(key);
    }

    private Path flipped(long pos, int bit) throws IOException {
        byte[] copy = clean.clone();
        copy[(int) pos] ^= (byte) (1 << bit);
        Path path = dir.resolve("flip-" + (copies++) + ".sst");
        Files.write(path, copy);
        return path;
    }
}
