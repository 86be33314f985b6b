package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.node.hints.HintFixtures.RecordingSender;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.stratadb.node.hints.HintFixtures.hint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A flipped bit: reported with file and offset, the rest of that file skipped, every other file replayed. */
class HintCorruptionTest {

    @TempDir
    Path dir;

    private final SteppedTime time = new SteppedTime();
    private final MetricRegistry metrics = new MetricRegistry();

    @Test
    void aBitFlipInAnEntrySkipsTheRestOfItsFileOnly() throws Exception {
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults(), new MetricRegistry())) {
            for (int i = 0; i < 8; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
        }
        // Restarting starts a new file: hints 8..11 go to file 1.
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults(), new MetricRegistry())) {
            for (int i = 8; i < 12; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
            store.store("node-b", hint(time, "ks", 100)).join();
        }
        Path first = dir.resolve("hints/node-a/" + HintFile.fileName(0));
        byte[] bytes = Files.readAllBytes(first);
        long thirdEntry = entryOffset(bytes, 2);
        bytes[(int) thirdEntry + 8 + 3] ^= 0x10; // inside the third entry's payload
        Files.write(first, bytes);

        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(), metrics)) {
            assertEquals(2 + 4, store.pendingHints("node-a"), "the entries after the flip are not counted");
            RecordingSender sender = new RecordingSender();
            ReplayResult r = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertTrue(r.complete());
            assertEquals(List.of("node-a/key-0", "node-a/key-1", "node-a/key-8", "node-a/key-9", "node-a/key-10",
                    "node-a/key-11"), sender.received);
            assertEquals(1, r.corruptions().size());
            assertEquals(first, r.corruptions().get(0).file());
            assertEquals(thirdEntry, r.corruptions().get(0).offset());
            assertTrue(r.corruptions().get(0).getMessage().contains("payload CRC mismatch"), r.corruptions().get(0).getMessage());
            assertEquals(1, metrics.meter("hints.corrupt").getCount());
            assertFalse(Files.exists(first));
            assertTrue(Files.exists(first.resolveSibling(first.getFileName() + HintFile.CORRUPT_SUFFIX)), "kept aside");

            RecordingSender other = new RecordingSender();
            store.replay("node-b", other, RateLimit.unlimited(time)).result().join();
            assertEquals(List.of("node-b/key-100"), other.received, "other targets are untouched");
        }
    }

    @Test
    void aBitFlipInALengthIsCaughtByItsOwnCrc() throws Exception {
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults(), new MetricRegistry())) {
            for (int i = 0; i < 3; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
        }
        Path file = dir.resolve("hints/node-a/" + HintFile.fileName(0));
        byte[] bytes = Files.readAllBytes(file);
        long second = entryOffset(bytes, 1);
        bytes[(int) second + 2] ^= 0x01;
        Files.write(file, bytes);
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(), metrics)) {
            RecordingSender sender = new RecordingSender();
            ReplayResult r = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertEquals(List.of("node-a/key-0"), sender.received);
            assertEquals(second, r.corruptions().get(0).offset());
            assertTrue(r.corruptions().get(0).getMessage().contains("length CRC mismatch"));
        }
    }

    @Test
    void aBadHeaderSetsTheWholeFileAsideAtStartup() throws Exception {
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults(), new MetricRegistry())) {
            store.store("node-a", hint(time, "ks", 0)).join();
        }
        Path file = dir.resolve("hints/node-a/" + HintFile.fileName(0));
        byte[] bytes = Files.readAllBytes(file);
        bytes[9] ^= 0x04; // a host id byte: the header CRC no longer matches
        Files.write(file, bytes);
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(), metrics)) {
            assertEquals(0, store.pendingHints("node-a"));
            assertEquals(1, metrics.meter("hints.corrupt").getCount());
            assertTrue(Files.exists(file.resolveSibling(file.getFileName() + HintFile.CORRUPT_SUFFIX)));
        }
    }

    @Test
    void aFileInAnotherTargetsDirectoryIsNotReplayedToIt() throws Exception {
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults(), new MetricRegistry())) {
            store.store("node-a", hint(time, "ks", 0)).join();
        }
        Path misplaced = dir.resolve("hints/node-b/" + HintFile.fileName(0));
        Files.createDirectories(misplaced.getParent());
        Files.copy(dir.resolve("hints/node-a/" + HintFile.fileName(0)), misplaced);
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(), metrics)) {
            assertEquals(java.util.Map.of("node-a", 1L), store.pendingByTarget());
            assertEquals(1, metrics.meter("hints.corrupt").getCount());
            RecordingSender sender = new RecordingSender();
            store.replay("node-b", sender, RateLimit.unlimited(time)).result().join();
            assertTrue(sender.received.isEmpty());
        }
    }

    @Test
    void anUnknownFormatVersionIsRefusedNotGuessed() throws Exception {
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults(), new MetricRegistry())) {
            store.store("node-a", hint(time, "ks", 0)).join();
        }
        Path file = dir.resolve("hints/node-a/" + HintFile.fileName(0));
        byte[] bytes = Files.readAllBytes(file);
        bytes[5] = 9; // version 9, header CRC recomputed so only the version is wrong
        int headerLength = HintFileHeader.length("node-a".length());
        java.nio.ByteBuffer.wrap(bytes).putInt(headerLength - 4, HintFileHeader.crc(bytes, 0, headerLength - 4));
        Files.write(file, bytes);
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(), metrics)) {
            assertEquals(0, store.pendingHints("node-a"));
            assertEquals(1, metrics.meter("hints.corrupt").getCount());
        }
    }

    /** The offset of the {@code index}-th entry, walking the length fields. */
    static long entryOffset(byte[] file, int index) {
        int hostIdLength = ((file[6] & 0xFF) << 8) | (file[7] & 0xFF);
        long at = HintFileHeader.length(hostIdLength);
        for (int i = 0; i < index; i++) {
            int len = java.nio.ByteBuffer.wrap(file, (int) at, 4).getInt();
            at += HintFileWriter.FRAME_OVERHEAD + len;
        }
        return at;
    }
}
