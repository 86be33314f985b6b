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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A crash can leave the newest segment's last write unfinished; replay must cut it off, not refuse to start. */
class TornTailTest {

    @TempDir
    Path dir;

    private StorageConfig config() {
        return CommitLogTestSupport.config(dir).build();
    }

    @Test
    void anEntryTruncatedMidwayIsCutAndTheNextStartIsClean() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 11, 1, 30).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        List<CommitLogTestSupport.Entry> entries = CommitLogTestSupport.readEntries(segment);
        long lastOffset = entries.get(29).offset();
        long half = CommitLogTestSupport.frameSize(written.get(29)) / 2;
        CommitLogTestSupport.cut(segment, lastOffset + half);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written.subList(0, 29), r.mutations(), "torn");
        assertEquals(1, r.result().tornTails().size(), r.result().toString());
        TornTail torn = r.result().tornTails().get(0);
        assertEquals(segment, torn.file());
        assertEquals(lastOffset, torn.offset());
        assertEquals(half, torn.bytesCut());
        assertEquals(half, r.result().bytesCut());
        assertEquals(lastOffset, Files.size(segment), "the garbage is gone from disk");
        assertCleanSecondReplay(config, written.subList(0, 29));
    }

    @Test
    void garbageAfterTheLastEntryIsCut() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 12, 1, 30).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long end = Files.size(segment);
        byte[] garbage = new byte[100];
        new Random(12).nextBytes(garbage);
        garbage[0] = 1;
        CommitLogTestSupport.appendBytes(segment, garbage);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written, r.mutations(), "garbage");
        assertEquals(List.of(end), r.result().tornTails().stream().map(TornTail::offset).toList());
        assertEquals(100, r.result().bytesCut());
        assertCleanSecondReplay(config, written);
    }

    @Test
    void aZeroHeaderFollowedByGarbageIsCut() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 13, 1, 10).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long end = Files.size(segment);
        byte[] tail = new byte[40];
        tail[30] = 7;
        CommitLogTestSupport.appendBytes(segment, tail);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written, r.mutations(), "zero header");
        assertEquals(end, r.result().tornTails().get(0).offset());
        assertTrue(r.result().tornTails().get(0).reason().contains("zeroed entry header"));
        assertCleanSecondReplay(config, written);
    }

    @Test
    void aPartialHeaderAndALengthRunningPastTheEndAreTornTails() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = CommitLogTestSupport.writeSegments(config, 14, 1, 10).get(0);
        Path segment = CommitLogTestSupport.newestSegment(config.commitLogDirectory());
        long end = Files.size(segment);

        CommitLogTestSupport.appendBytes(segment, new byte[] {0, 0, 1});
        CommitLogTestSupport.Replayed partial = CommitLogTestSupport.replay(config);
        assertEquals(end, partial.result().tornTails().get(0).offset());
        assertTrue(partial.result().tornTails().get(0).reason().contains("partial entry header"));

        // A complete, checksummed length promising more payload than was written before the crash.
        ByteBuffer header = ByteBuffer.allocate(18);
        header.putInt(1000).putInt(EntryFraming.lengthCrc(new java.util.zip.CRC32C(), 1000));
        CommitLogTestSupport.appendBytes(segment, header.array());
        CommitLogTestSupport.Replayed past = CommitLogTestSupport.replay(config);
        assertSameMutations(written, past.mutations(), "length past end");
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
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Mutation m = random.next();
            written.add(m);
            futures.add(log.append(m));
        }
        futures.forEach(CompletableFuture::join);
        CommitLogTestSupport.awaitTrue(() -> CommitLogTestSupport.segments(config.commitLogDirectory()).size() == 2,
                "the spare segment is prepared");
        fs.crash();
        log.close();
        Path active = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        long lastOffset = CommitLogTestSupport.readEntries(active).get(19).offset();
        CommitLogTestSupport.cut(active, lastOffset + 5);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());

        assertSameMutations(written.subList(0, 19), r.mutations(), "torn before spare");
        assertEquals(2, r.result().segmentsRead());
        assertEquals(active, r.result().tornTails().get(0).file());
        assertEquals(lastOffset, r.result().tornTails().get(0).offset());
    }

    private static void assertCleanSecondReplay(StorageConfig config, List<Mutation> expected) throws IOException {
        CommitLogTestSupport.Replayed again = CommitLogTestSupport.replay(config);
        assertTrue(again.result().clean(), "second replay: " + again.result());
        assertSameMutations(expected, again.mutations(), "second replay");
    }
}
