package io.stratadb.storage.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectingFileSystemTest {

    @TempDir
    Path dir;

    private static ByteBuffer bytes(int n) {
        return ByteBuffer.wrap(new byte[n]);
    }

    private static byte[] filled(int n, byte b) {
        byte[] out = new byte[n];
        Arrays.fill(out, b);
        return out;
    }

    @Test
    void crashCutsEveryFileBackToItsLastSyncedLength() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("a");
        WritableFile w = fs.create(f);
        fs.syncDirectory(dir);
        w.write(bytes(100));
        w.sync();
        w.write(bytes(50));
        assertEquals(100, fs.durableLength(f));

        fs.crash();

        assertEquals(100, Files.size(f));
        assertEquals(1, fs.syncCount());
    }

    @Test
    void filesThatExistedBeforeCountAsDurable() throws IOException {
        Files.write(dir.resolve("old"), new byte[10]);
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.append(dir.resolve("old"));
        w.write(bytes(5));

        fs.crash();

        assertEquals(10, Files.size(dir.resolve("old")));
    }

    @Test
    void createNotFollowedByDirectorySyncIsUndone() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("new"));
        w.write(bytes(10));
        w.sync();

        fs.crash();

        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void renameNotFollowedByDirectorySyncIsUndone() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("tmp"));
        w.write(bytes(10));
        w.sync();
        w.close();
        fs.syncDirectory(dir);
        fs.rename(dir.resolve("tmp"), dir.resolve("final"));

        fs.crash();

        assertTrue(Files.exists(dir.resolve("tmp")));
        assertFalse(Files.exists(dir.resolve("final")));
        assertEquals(10, Files.size(dir.resolve("tmp")));
    }

    @Test
    void renameFollowedByDirectorySyncSurvivesWithItsSyncedLength() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("tmp"));
        w.write(bytes(10));
        w.sync();
        w.close();
        fs.rename(dir.resolve("tmp"), dir.resolve("final"));
        fs.syncDirectory(dir);
        WritableFile again = fs.append(dir.resolve("final"));
        again.write(bytes(7));

        fs.crash();

        assertEquals(10, Files.size(dir.resolve("final")));
        assertFalse(Files.exists(dir.resolve("tmp")));
    }

    @Test
    void crashGivesOverwrittenButUnsyncedBytesBackTheirSyncedContents() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("pre");
        byte[] synced = filled(3 * DurableFileState.PAGE_SIZE, (byte) 1);
        try (WritableFile w = fs.create(f)) {
            w.write(ByteBuffer.wrap(synced));
            w.sync();
        }
        fs.syncDirectory(dir);
        WritableFile over = fs.openForOverwrite(f, 100);
        over.write(ByteBuffer.wrap(filled(5000, (byte) 2)));
        over.sync();
        System.arraycopy(filled(5000, (byte) 2), 0, synced, 100, 5000);
        // Unsynced: spans the last two pages, one of them already copied once, and runs past the end.
        WritableFile again = fs.openForOverwrite(f, 6000);
        again.write(ByteBuffer.wrap(filled(7000, (byte) 3)));
        assertEquals(13_000, again.size(), "size() is the write position");
        assertEquals(synced.length, fs.durableLength(f));
        assertArrayEquals(synced, fs.durableContents(f));

        fs.crash();

        assertArrayEquals(synced, Files.readAllBytes(f));
    }

    @Test
    void aSyncedOverwriteSurvivesAndLeavesTheFileLength() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("pre");
        Files.write(f, new byte[10_000]);
        WritableFile w = fs.openForOverwrite(f, 20);
        w.write(ByteBuffer.wrap(filled(30, (byte) 9)));
        w.sync();
        w.write(ByteBuffer.wrap(filled(30, (byte) 8)));

        fs.crash();

        byte[] expected = new byte[10_000];
        System.arraycopy(filled(30, (byte) 9), 0, expected, 20, 30);
        assertArrayEquals(expected, Files.readAllBytes(f));
    }

    @Test
    void aSyncThroughOneHandleCoversWritesThroughAnother() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("pre");
        Files.write(f, new byte[100]);
        WritableFile a = fs.openForOverwrite(f, 0);
        WritableFile b = fs.openForOverwrite(f, 50);
        a.write(ByteBuffer.wrap(filled(10, (byte) 1)));
        b.write(ByteBuffer.wrap(filled(10, (byte) 2)));
        b.sync();

        fs.crash();

        byte[] expected = new byte[100];
        System.arraycopy(filled(10, (byte) 1), 0, expected, 0, 10);
        System.arraycopy(filled(10, (byte) 2), 0, expected, 50, 10);
        assertArrayEquals(expected, Files.readAllBytes(f), "fdatasync is per file, not per handle");
    }

    @Test
    void aDeleteStaysDeletedOnlyOnceItsOwnDirectoryIsSynced() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Files.write(dir.resolve("old"), new byte[] {7});
        Path sub = dir.resolve("sub");
        Files.createDirectory(sub);
        Files.write(sub.resolve("other"), new byte[] {8});

        fs.delete(dir.resolve("old"));
        fs.delete(sub.resolve("other"));
        fs.delete(dir.resolve("never-existed"));
        fs.syncDirectory(dir);
        assertFalse(Files.exists(sub.resolve("other")));

        fs.crash();

        assertFalse(Files.exists(dir.resolve("old")));
        assertFalse(Files.exists(dir.resolve("never-existed")));
        assertArrayEquals(new byte[] {8}, Files.readAllBytes(sub.resolve("other")), "its directory was not synced");
    }

    @Test
    void deletesUndoneNewestFirstBringBackTheSyncedBytesOnly() throws IOException {
        Files.write(dir.resolve("old"), new byte[] {7, 7});
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("doomed");
        WritableFile w = fs.create(f);
        fs.syncDirectory(dir);
        w.write(ByteBuffer.wrap(filled(10, (byte) 4)));
        w.sync();
        w.write(ByteBuffer.wrap(filled(10, (byte) 5)));
        w.close();

        fs.delete(f);
        fs.delete(dir.resolve("old"));
        WritableFile recreated = fs.create(f);
        recreated.write(ByteBuffer.wrap(filled(3, (byte) 6)));
        recreated.sync();

        fs.crash();

        assertArrayEquals(filled(10, (byte) 4), Files.readAllBytes(f), "recreate undone, then the delete");
        assertArrayEquals(new byte[] {7, 7}, Files.readAllBytes(dir.resolve("old")));
    }

    @Test
    void injectedFaultsFailOnceAndOnlyForMatchingPaths() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile a = fs.create(dir.resolve("a"));
        WritableFile b = fs.create(dir.resolve("b"));
        fs.failNext(FaultInjectingFileSystem.Operation.WRITE, p -> p.endsWith("b"));
        fs.failNext(FaultInjectingFileSystem.Operation.SYNC);

        a.write(bytes(3));
        IOException e = assertThrows(IOException.class, () -> b.write(bytes(3)));
        assertTrue(e.getMessage().contains("injected WRITE failure"), e.getMessage());
        assertEquals(0, b.size(), "a failed write writes nothing");
        b.write(bytes(3));
        assertThrows(IOException.class, a::sync);
        assertEquals(0, fs.durableLength(dir.resolve("a")), "a failed sync makes nothing durable");
        a.sync();
        assertEquals(3, fs.durableLength(dir.resolve("a")));
    }

    @Test
    void aCrashedFileSystemRefusesEverythingUntilRestarted() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        WritableFile w = fs.create(dir.resolve("a"));
        fs.syncDirectory(dir);
        w.write(bytes(4));
        w.sync();

        fs.crash();

        assertThrows(IOException.class, () -> w.write(bytes(1)));
        assertThrows(IOException.class, w::sync);
        assertThrows(IOException.class, () -> fs.list(dir));
        assertThrows(UncheckedIOException.class, () -> fs.exists(dir.resolve("a")));
        FaultInjectingFileSystem after = fs.restarted();
        assertEquals(4, after.size(dir.resolve("a")));
        WritableFile again = after.append(dir.resolve("a"));
        again.write(bytes(2));
        after.crash();
        assertEquals(4, Files.size(dir.resolve("a")));
    }

    /**
     * A power cut keeps or loses each unsynced page on its own: every page ends up wholly old or wholly
     * new, synced bytes always survive, and over a few seeds both outcomes (and mixtures) occur.
     */
    @Test
    void aPowerCutKeepsEachUnsyncedOverwrittenPageOrItsSyncedContentsIndependently() throws IOException {
        int pages = 8;
        int page = DurableFileState.PAGE_SIZE;
        boolean sawMixture = false;
        Random seeds = new Random(1);
        for (int i = 0; i < 20; i++) {
            long seed = seeds.nextLong();
            Path f = dir.resolve("pre-" + i);
            FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
            try (WritableFile w = fs.create(f)) {
                w.write(ByteBuffer.wrap(filled(pages * page, (byte) 1)));
                w.sync();
            }
            fs.syncDirectory(dir);
            WritableFile over = fs.openForOverwrite(f, 0);
            over.write(ByteBuffer.wrap(filled(page, (byte) 2)));
            over.sync();
            // Unsynced from here: the rest of page 0 is untouched; pages 1..6 are overwritten.
            WritableFile again = fs.openForOverwrite(f, page + 100);
            again.write(ByteBuffer.wrap(filled(6 * page - 200, (byte) 3)));

            fs.crashLosingUnsyncedPagesRandomly(new Random(seed));

            byte[] after = Files.readAllBytes(f);
            assertEquals(pages * page, after.length, "seed " + seed);
            assertArrayEquals(filled(page, (byte) 2), Arrays.copyOfRange(after, 0, page), "synced page, seed " + seed);
            int kept = 0;
            for (int p = 1; p <= 6; p++) {
                byte[] actual = Arrays.copyOfRange(after, p * page, (p + 1) * page);
                byte[] old = filled(page, (byte) 1);
                byte[] now = old.clone();
                int from = Math.max(0, page + 100 - p * page);
                Arrays.fill(now, from, Math.min(page, 7 * page - 100 - p * page), (byte) 3);
                boolean isNew = Arrays.equals(now, actual);
                assertTrue(isNew || Arrays.equals(old, actual), "page " + p + " is wholly old or new, seed " + seed);
                kept += isNew ? 1 : 0;
            }
            assertArrayEquals(filled(page, (byte) 1), Arrays.copyOfRange(after, 7 * page, 8 * page), "never written");
            sawMixture |= kept > 0 && kept < 6;
        }
        assertTrue(sawMixture, "some seed kept some pages and lost others");
    }

    @Test
    void aPowerCutCutsUnsyncedAppendedBytesAtAPageBoundaryAndKeepsTheSyncedLength() throws IOException {
        int page = DurableFileState.PAGE_SIZE;
        java.util.Set<Long> lengths = new java.util.TreeSet<>();
        Random seeds = new Random(2);
        for (int i = 0; i < 30; i++) {
            long seed = seeds.nextLong();
            Path f = dir.resolve("log-" + i);
            FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
            WritableFile w = fs.create(f);
            fs.syncDirectory(dir);
            w.write(ByteBuffer.wrap(filled(1000, (byte) 1)));
            w.sync();
            w.write(ByteBuffer.wrap(filled(3 * page, (byte) 2)));

            fs.crashLosingUnsyncedPagesRandomly(new Random(seed));

            byte[] after = Files.readAllBytes(f);
            long n = after.length;
            assertTrue(n == 1000 || n == 1000 + 3 * page || (n % page == 0 && n > 1000 && n < 1000 + 3 * page),
                    "cut at the synced length, a page boundary or the end: " + n);
            assertArrayEquals(filled(1000, (byte) 1), Arrays.copyOf(after, 1000), "synced bytes survive");
            for (int b = 1000; b < n; b++) {
                assertEquals(2, after[b], "kept appended bytes are the written ones");
            }
            lengths.add(n);
        }
        assertEquals(java.util.Set.of(1000L, (long) page, 2L * page, 3L * page, 1000L + 3 * page), lengths,
                "every cut occurs over 30 seeds");
    }

    @Test
    void anArmedPowerCutFallsOnTheNthSyncWhichFailsAndMakesNothingDurable() throws IOException {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        Path f = dir.resolve("log");
        WritableFile w = fs.create(f);
        fs.syncDirectory(dir);
        fs.powerCutAtSync(3, new Random(7));
        w.write(bytes(10));
        w.sync();
        w.write(bytes(10));
        w.sync();
        w.write(ByteBuffer.wrap(filled(10, (byte) 1)));

        IOException e = assertThrows(IOException.class, w::sync);

        assertTrue(e.getMessage().contains("simulated crash"), e.getMessage());
        assertTrue(fs.isCrashed());
        assertEquals(2, fs.syncCount());
        long size = Files.size(f);
        assertTrue(size == 20 || size == 30, "the third write survives whole or not at all (one page): " + size);
    }
}
