package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash can leave the newest segment's last write unfinished; replay must zero it, not refuse to
 * start, and the segment must keep its length (a preallocated one stays preallocated). Format V2 here;
 * {@link FormatV1ReplayTest} covers segments of the first format, and {@link PowerLossCrashTest} writes
 * that persisted out of order.
 */
class TornTailTest {

    @TempDir
    Path dir;

    private StorageConfig config() {
        return CommitLogTestSupport.config(dir).build();
    }

    /**
     * The usual torn write in a preallocated segment: the last section (here one entry) reached the disk
     * only halfway. The whole section is zeroed, header included.
     */
    @Test
    void aSectionWrittenOnlyHalfwayIsZeroedAndTheNextStartIsClean() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 11, 1, 30).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment), "preallocated");
        CommitLogTestSupport.Section last = CommitLogTestSupport.readSections(segment).get(29);
        int size = (int) (last.end() - last.offset());
        int half = size / 2;
        CommitLogTestSupport.writeAt(segment, last.offset() + half, new byte[size - half]);
        long zeroedExpected = CommitLogTestSupport.endOfNonZero(segment) - last.offset();

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written.subList(0, 29), r.mutations(), "torn");
        assertEquals(1, r.result().tornTails().size(), r.result().toString());
        TornTail torn = r.result().tornTails().get(0);
        assertEquals(segment, torn.file());
        assertEquals(last.offset(), torn.offset());
        assertTrue(zeroedExpected > 0 && zeroedExpected <= half, "test set-up: " + zeroedExpected);
        assertEquals(zeroedExpected, torn.bytesCut());
        assertEquals(zeroedExpected, r.result().bytesCut());
        assertTrue(torn.reason().contains("no intact section follows"), torn.reason());
        assertTrue(CommitLogTestSupport.endOfNonZero(segment) <= last.offset(), "the torn write is zeroed on disk");
        assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment), "the segment keeps its length");
        assertCleanSecondReplay(config, written.subList(0, 29));
    }

    /** A segment cut short inside its last section (e.g. copied off a full disk): zeroed from the section on. */
    @Test
    void aSectionCutMidwayInAShortSegmentIsZeroedAndTheFileKeepsItsLength() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 11, 1, 30).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        CommitLogTestSupport.Section last = CommitLogTestSupport.readSections(segment).get(29);
        long cutAt = last.offset() + (last.end() - last.offset()) / 2;
        CommitLogTestSupport.cut(segment, cutAt);
        long zeroedExpected = CommitLogTestSupport.endOfNonZero(segment) - last.offset();

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written.subList(0, 29), r.mutations(), "torn");
        TornTail torn = r.result().tornTails().get(0);
        assertEquals(last.offset(), torn.offset());
        assertEquals(zeroedExpected, torn.bytesCut());
        assertTrue(torn.reason().contains("runs past the segment end"), torn.reason());
        assertEquals(cutAt, Files.size(segment));
        assertTrue(CommitLogTestSupport.endOfNonZero(segment) <= last.offset());
        assertCleanSecondReplay(config, written.subList(0, 29));
    }

    @Test
    void garbageAfterTheLastEntryIsZeroed() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 12, 1, 30).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long end = CommitLogTestSupport.endOfData(segment);
        byte[] garbage = new byte[100];
        new Random(12).nextBytes(garbage);
        garbage[0] = 1;
        garbage[99] = 1;
        CommitLogTestSupport.writeAt(segment, end, garbage);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written, r.mutations(), "garbage");
        assertEquals(List.of(end), r.result().tornTails().stream().map(TornTail::offset).toList());
        assertEquals(100, r.result().bytesCut());
        assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment));
        assertCleanSecondReplay(config, written);
    }

    @Test
    void aZeroHeaderFollowedByGarbageIsZeroed() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 13, 1, 10).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long end = CommitLogTestSupport.endOfData(segment);
        byte[] tail = new byte[40];
        tail[30] = 7;
        CommitLogTestSupport.writeAt(segment, end, tail);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written, r.mutations(), "zero header");
        assertEquals(end, r.result().tornTails().get(0).offset());
        assertEquals(31, r.result().tornTails().get(0).bytesCut());
        assertTrue(r.result().tornTails().get(0).reason().contains("zeroed section header"),
                r.result().tornTails().get(0).reason());
        assertCleanSecondReplay(config, written);
    }

    /** Both can only happen at the end of a short segment. */
    @Test
    void aPartialSectionHeaderAndALengthRunningPastTheEndAreTornTails() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 14, 1, 10).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long end = CommitLogTestSupport.endOfData(segment);
        CommitLogTestSupport.cut(segment, end);

        CommitLogTestSupport.appendBytes(segment, new byte[] {0, 0, 1});
        CommitLogTestSupport.Replayed partial = CommitLogTestSupport.replay(config);
        assertEquals(end, partial.result().tornTails().get(0).offset());
        assertTrue(partial.result().tornTails().get(0).reason().contains("partial section header"),
                partial.result().tornTails().get(0).reason());
        assertEquals(end + 3, Files.size(segment));

        // A complete, checksummed section header promising more entry bytes than were written before the crash.
        ByteBuffer header = ByteBuffer.allocate(SectionHeader.SIZE);
        SectionHeader.put(header, 0, 1000, end, new java.util.zip.CRC32C());
        CommitLogTestSupport.writeAt(segment, end, header.array());
        CommitLogTestSupport.Replayed past = CommitLogTestSupport.replay(config);
        assertSameMutations(written, past.mutations(), "length past end");
        assertEquals(end, past.result().tornTails().get(0).offset());
        assertTrue(past.result().tornTails().get(0).reason().contains("runs past the segment end"),
                past.result().toString());
        assertCleanSecondReplay(config, written);
    }

    /**
     * The writer keeps a spare segment (empty, with a higher id) ready; after a crash the segment with
     * the torn tail is then not the last file. It is still the newest one holding data, so its damage is
     * a torn tail, not corruption.
     */
    @Test
    void aTornTailFollowedOnlyByTheEmptySpareSegmentIsStillATornTail() throws Exception {
        StorageConfig config = config();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        RandomMutations random = new RandomMutations(15, 200);
        List<Mutation> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Mutation m = random.next();
            written.add(m);
            log.append(m).join();
        }
        CommitLogTestSupport.awaitTrue(() -> CommitLogTestSupport.segments(config.commitLogDirectory()).size() == 2,
                "the spare segment is prepared");
        fs.crash();
        log.close();
        Path active = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        CommitLogTestSupport.Section last = CommitLogTestSupport.readSections(active).get(19);
        CommitLogTestSupport.writeAt(active, last.offset() + 5, new byte[(int) (last.end() - last.offset()) - 5]);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());

        assertSameMutations(written.subList(0, 19), r.mutations(), "torn before spare");
        assertEquals(2, r.result().segmentsRead());
        assertEquals(active, r.result().tornTails().get(0).file());
        assertEquals(last.offset(), r.result().tornTails().get(0).offset());
    }

    private static void assertCleanSecondReplay(StorageConfig config, List<Mutation> expected) throws IOException {
        CommitLogTestSupport.Replayed again = CommitLogTestSupport.replay(config);
        assertTrue(again.result().clean(), "second replay: " + again.result());
        assertSameMutations(expected, again.mutations(), "second replay");
    }
}
