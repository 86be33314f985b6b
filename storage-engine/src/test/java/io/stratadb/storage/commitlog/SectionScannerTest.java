package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The V2 scanner's reading rules and its verdict on damage, on hand-built segments in memory. */
class SectionScannerTest {

    private static Mutation m(int i) {
        return new Mutation("t", new byte[] {(byte) i}, Cell.value(new byte[] {(byte) i, 1, 2}, i));
    }

    private static SectionScanner scanner(byte[] bytes) {
        return new SectionScanner(new CommitLogTestSupport.ArraySegmentBytes(bytes), SegmentHeader.SIZE);
    }

    /** Reads until the scanner stops; returns the offsets of the entries it handed out. */
    private static List<Long> readAll(SectionScanner s) throws IOException {
        List<Long> offsets = new ArrayList<>();
        for (ByteBuffer p = s.next(); p != null; p = s.next()) {
            offsets.add(s.entryOffset());
        }
        return offsets;
    }

    private static int frame(Mutation m) {
        return CommitLogTestSupport.frameSize(m);
    }

    @Test
    void readsEverySectionAndEndsCleanlyAtTheZeros() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1), m(2), m(3));
        int second = image.position();
        image.section(second, m(4)).section(second, m(5), m(6));
        SectionScanner s = scanner(image.bytes());

        List<Long> offsets = readAll(s);

        assertEquals(6, offsets.size());
        assertEquals(SegmentHeader.SIZE + SectionHeader.SIZE, offsets.get(0));
        assertEquals(second + SectionHeader.SIZE, offsets.get(3));
        assertNull(s.problem());
        assertEquals(6, readAll(scanner(image.unpaddedBytes())).size(), "a segment ending right after a section");
    }

    @Test
    void damageIsProvenWrittenWhenALaterSectionSaysItWasSynced() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1));
        int damaged = image.position();
        image.syncedSection(m(2), m(3));
        int proof = image.position();
        image.syncedSection(m(4));
        byte[] bytes = image.bytes();
        bytes[damaged + SectionHeader.SIZE + frame(m(2)) + 10] ^= 4;
        SectionScanner s = scanner(bytes);

        assertEquals(1, readAll(s).size(), "the damaged section is held back whole");
        assertEquals(damaged + SectionHeader.SIZE + frame(m(2)), s.problemOffset(), "the damaged entry");
        assertEquals(damaged, s.tornTailStart());
        SegmentScanner.Verdict verdict = s.judgeDamage();
        assertTrue(verdict.provenWritten());
        assertTrue(verdict.explanation().contains("section at offset " + proof), verdict.explanation());
        assertTrue(verdict.explanation().contains("synced up to offset " + proof), verdict.explanation());
    }

    /** What a power cut leaves: a lost page, then an intact section written before the lost one was synced. */
    @Test
    void damageFollowedOnlyBySectionsThatWereNeverSyncedIsNotProven() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1));
        int lost = image.position();
        image.syncedSection(m(2));
        image.section(lost, m(3), m(4));
        byte[] bytes = image.bytes();
        Arrays.fill(bytes, lost, lost + SectionHeader.SIZE + frame(m(2)), (byte) 0);
        SectionScanner s = scanner(bytes);

        assertEquals(1, readAll(s).size());
        assertTrue(s.problem().contains("zeroed section header followed by non-zero bytes"), s.problem());
        assertEquals(lost, s.problemOffset());
        SegmentScanner.Verdict verdict = s.judgeDamage();
        assertFalse(verdict.provenWritten());
        assertTrue(verdict.explanation().contains("1 intact section(s) after it were never synced"),
                verdict.explanation());
    }

    /** An intact section is skipped whole in the search, so bytes inside its values cannot pose as a section. */
    @Test
    void aSectionHiddenInAValueIsNotTakenAsProof() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1));
        int lost = image.position();
        image.syncedSection(m(2));
        // A valid section, claiming the lost one was synced, carried as a value in a later section.
        SegmentImage fake = SegmentImage.v2(1).section(lost + 1, m(9));
        byte[] fakeSection = Arrays.copyOfRange(fake.bytes(), SegmentHeader.SIZE, fake.position());
        image.section(lost, new Mutation("t", new byte[] {7}, Cell.value(fakeSection, 7)));
        byte[] bytes = image.bytes();
        bytes[lost] ^= 1;

        SectionScanner s = scanner(bytes);
        readAll(s);

        assertTrue(s.problem().contains("not a section header"), s.problem());
        assertFalse(s.judgeDamage().provenWritten());
    }

    @Test
    void aSectionClaimingMoreThanItsOwnOffsetIsDamage() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1));
        int bad = image.position();
        image.section(bad + 1, m(2));
        SectionScanner s = scanner(image.bytes());

        assertEquals(1, readAll(s).size());
        assertEquals(bad, s.problemOffset());
        assertTrue(s.problem().contains("synced up to offset " + (bad + 1)), s.problem());
    }

    @Test
    void everyFlippedSectionHeaderBitIsDetected() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1), m(2));
        for (int bit = 0; bit < SectionHeader.SIZE * 8; bit++) {
            byte[] bytes = image.bytes();
            bytes[SegmentHeader.SIZE + bit / 8] ^= (byte) (1 << (bit % 8));
            SectionScanner s = scanner(bytes);
            assertEquals(0, readAll(s).size(), "bit " + bit);
            assertEquals(SegmentHeader.SIZE, s.problemOffset(), "bit " + bit);
        }
    }

    @Test
    void releasingADamagedSectionHandsOutTheIntactEntriesBeforeTheDamage() throws IOException {
        SegmentImage image = SegmentImage.v2(1).syncedSection(m(1));
        int section = image.position();
        image.syncedSection(m(2), m(3), m(4), m(5));
        byte[] bytes = image.bytes();
        int third = section + SectionHeader.SIZE + frame(m(2)) + frame(m(3));
        bytes[third + EntryFraming.HEADER_BYTES] ^= 1;
        SectionScanner s = scanner(bytes);
        assertEquals(1, readAll(s).size());
        assertEquals(third, s.problemOffset());

        s.releaseIntactEntriesBeforeProblem();

        assertEquals(List.of((long) section + SectionHeader.SIZE, (long) section + SectionHeader.SIZE + frame(m(2))),
                readAll(s));
        assertEquals(third, s.problemOffset(), "still stopped at the damage");
    }
}
