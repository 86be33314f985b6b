package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage that a crash cannot explain must not be replayed past silently. The log here is written one
 * acknowledged entry at a time, so every section says everything before it was synced: damage anywhere
 * but in the newest segment's last section is provably to synced data.
 */
class CorruptionTest {

    @TempDir
    Path dir;

    private StorageConfig config(CommitLogCorruptionPolicy policy) {
        return CommitLogTestSupport.config(dir).corruptionPolicy(policy).build();
    }

    @Test
    void aFlippedPayloadBitWithIntactEntriesAfterItStopsReplayNamingFileAndOffset() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 21, 1, 30);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long offset = CommitLogTestSupport.readEntries(segment).get(10).offset();
        long proof = CommitLogTestSupport.readSections(segment).get(11).offset();
        CommitLogTestSupport.flipBit(segment, offset + EntryFraming.HEADER_BYTES + 3, 5);
        long sizeBefore = Files.size(segment);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(segment, e.file());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains(segment.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("offset " + offset), e.getMessage());
        assertTrue(e.getMessage().contains("payload checksum"), e.getMessage());
        assertTrue(e.getMessage().contains("the intact section at offset " + proof
                + " says the segment had been synced up to offset " + proof), e.getMessage());
        assertEquals(sizeBefore, Files.size(segment), "STOP changes nothing on disk");
    }

    @Test
    void aFlippedLengthBitIsCorruptionAtTheSameOffset() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 22, 1, 30);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long offset = CommitLogTestSupport.readEntries(segment).get(10).offset();
        CommitLogTestSupport.flipBit(segment, offset + 2, 0);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains("length checksum"), e.getMessage());
    }

    @Test
    void underSkipTheRestOfTheSegmentIsReportedAndLaterSegmentsStillReplay() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.SKIP);
        List<List<Mutation>> written = CommitLogTestSupport.writeSegments(config, 23, 3, 20);
        Path first = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        long offset = CommitLogTestSupport.readEntries(first).get(5).offset();
        CommitLogTestSupport.flipBit(first, offset + EntryFraming.HEADER_BYTES + 1, 2);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        List<Mutation> expected = new ArrayList<>(written.get(0).subList(0, 5));
        expected.addAll(written.get(1));
        expected.addAll(written.get(2));
        assertSameMutations(expected, r.mutations(), "skip");
        assertEquals(1, r.result().skippedCorruptions().size(), r.result().toString());
        SkippedCorruption skipped = r.result().skippedCorruptions().get(0);
        assertEquals(first, skipped.file());
        assertEquals(offset, skipped.offset());
        assertTrue(r.result().tornTails().isEmpty());
        assertEquals(3, r.result().segmentsRead());
    }

    @Test
    void aCutLastEntryInAnOlderSegmentIsCorruptionNotATornTail() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 24, 2, 10);
        Path first = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        long lastOffset = CommitLogTestSupport.readEntries(first).get(9).offset();
        CommitLogTestSupport.cut(first, lastOffset + 9);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(first, e.file());
        assertEquals(lastOffset, e.offset());
    }

    @Test
    void aZeroedEntryHeaderWithDataAfterItIsCorruption() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 25, 1, 20);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long offset = CommitLogTestSupport.readEntries(segment).get(7).offset();
        byte[] bytes = Files.readAllBytes(segment);
        java.util.Arrays.fill(bytes, (int) offset, (int) offset + EntryFraming.HEADER_BYTES, (byte) 0);
        Files.write(segment, bytes);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains("zeroed entry header"), e.getMessage());
    }

    @Test
    void aPayloadWithGoodChecksumsThatDoesNotDecodeIsCorruptionEvenAtTheTail() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 26, 1, 5);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        CommitLogTestSupport.Entry last = CommitLogTestSupport.readEntries(segment).get(4);
        // Give the last entry an unknown cell kind and a matching payload checksum.
        ByteBuffer file = ByteBuffer.wrap(Files.readAllBytes(segment));
        int payloadStart = (int) last.offset() + EntryFraming.HEADER_BYTES;
        int length = file.getInt((int) last.offset());
        int tableBytes = Short.toUnsignedInt(file.getShort(payloadStart));
        int keyBytes = file.getInt(payloadStart + 2 + tableBytes);
        file.put(payloadStart + 2 + tableBytes + 4 + keyBytes, (byte) 9);
        CRC32C crc = new CRC32C();
        crc.update(file.array(), payloadStart, length);
        file.putInt(payloadStart + length, (int) crc.getValue());
        Files.write(segment, file.array());

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(last.offset(), e.offset());
        assertTrue(e.getMessage().contains("unknown cell kind code 9"), e.getMessage());
    }

    @Test
    void everyFlippedSegmentHeaderBitIsDetected() throws IOException {
        StorageConfig skip = config(CommitLogCorruptionPolicy.SKIP);
        List<List<Mutation>> written = CommitLogTestSupport.writeSegments(skip, 27, 2, 5);
        Path first = CommitLogTestSupport.segments(skip.commitLogDirectory()).get(1L);
        for (int bit = 0; bit < SegmentHeader.SIZE * 8; bit++) {
            CommitLogTestSupport.flipBit(first, bit / 8, bit % 8);

            CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(skip);

            assertEquals(1, r.result().skippedCorruptions().size(), "bit " + bit + ": " + r.result());
            assertEquals(0, r.result().skippedCorruptions().get(0).offset());
            assertSameMutations(written.get(1), r.mutations(), "bit " + bit);
            CommitLogTestSupport.flipBit(first, bit / 8, bit % 8);
        }

        StorageConfig stop = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.flipBit(first, 9, 3);
        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(stop));
        assertEquals(first, e.file());
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("segment header checksum mismatch"), e.getMessage());
    }

    @Test
    void aHeaderWhoseIdDisagreesWithTheFileNameIsCorruption() throws IOException {
        StorageConfig config = config(CommitLogCorruptionPolicy.STOP);
        CommitLogTestSupport.writeSegments(config, 28, 2, 3);
        Path first = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        Path second = CommitLogTestSupport.segments(config.commitLogDirectory()).get(2L);
        byte[] secondHeader = java.util.Arrays.copyOf(Files.readAllBytes(second), SegmentHeader.SIZE);
        byte[] bytes = Files.readAllBytes(first);
        System.arraycopy(secondHeader, 0, bytes, 0, SegmentHeader.SIZE);
        Files.write(first, bytes);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertTrue(e.getMessage().contains("header says id 2 but the file name says 1"), e.getMessage());
    }
}
