package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments of format V1 (entries back to back, no sync sections), as a node upgraded from an older
 * build finds them, still replay, under V1's own torn-tail rule: damage in the newest segment is a
 * torn tail only if no intact entry follows it. V1 has no record of what was synced, so it cannot do
 * better after a power cut; new segments are V2.
 */
class FormatV1ReplayTest {

    @TempDir
    Path dir;

    private StorageConfig config() {
        return CommitLogTestSupport.config(dir).build();
    }

    private static List<Mutation> mutations(long seed, int n) {
        RandomMutations random = new RandomMutations(seed, 200);
        List<Mutation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(random.next());
        }
        return out;
    }

    @Test
    void aV1SegmentReplaysAndTheLogGoesOnInV2() throws IOException {
        StorageConfig config = config();
        List<Mutation> old = mutations(1, 12);
        SegmentImage.v1(1).entries(old.toArray(Mutation[]::new)).writeTo(config.commitLogDirectory(), 1);
        List<Mutation> added = mutations(2, 5);

        try (CommitLog log = CommitLogTestSupport.open(config, new LocalFileSystem())) {
            List<Mutation> replayed = new ArrayList<>();
            assertTrue(log.replay(replayed::add).clean());
            assertSameMutations(old, replayed, "V1 segment");
            assertEquals(2, log.start());
            for (Mutation m : added) {
                log.append(m).join();
            }
        }

        Path second = CommitLogTestSupport.segments(config.commitLogDirectory()).get(2L);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(second), 0, SegmentHeader.SIZE).slice();
        assertEquals(CommitLogFormatVersion.V2, SegmentHeader.decode(header).version());
        List<Mutation> all = new ArrayList<>(old);
        all.addAll(added);
        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);
        assertTrue(r.result().clean(), r.result().toString());
        assertSameMutations(all, r.mutations(), "V1 then V2");
    }

    @Test
    void aTornLastEntryOfANewestV1SegmentIsZeroedFromThatEntry() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = mutations(3, 10);
        SegmentImage image = SegmentImage.v1(1).entries(written.subList(0, 9).toArray(Mutation[]::new));
        int lastOffset = image.position();
        image.entries(written.get(9));
        Path segment = image.writeTo(config.commitLogDirectory(), 1);
        int frame = CommitLogTestSupport.frameSize(written.get(9));
        CommitLogTestSupport.writeAt(segment, lastOffset + frame / 2, new byte[frame - frame / 2]);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written.subList(0, 9), r.mutations(), "torn V1");
        TornTail torn = r.result().tornTails().get(0);
        assertEquals(lastOffset, torn.offset());
        assertTrue(torn.reason().contains("no intact entry follows"), torn.reason());
        assertTrue(CommitLogTestSupport.replay(config).result().clean());
    }

    /** What the appending writer of earlier builds left: a segment ending inside its last entry. */
    @Test
    void aShortV1SegmentCutInsideItsLastEntryIsATornTail() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = mutations(4, 8);
        SegmentImage image = SegmentImage.v1(1).entries(written.toArray(Mutation[]::new));
        byte[] appended = image.unpaddedBytes();
        Files.createDirectories(config.commitLogDirectory());
        Path segment = config.commitLogDirectory().resolve(SegmentFileName.of(1));
        int cutAt = appended.length - 5;
        Files.write(segment, java.util.Arrays.copyOf(appended, cutAt));

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written.subList(0, 7), r.mutations(), "short V1");
        assertEquals(1, r.result().tornTails().size());
        assertEquals(cutAt, Files.size(segment), "zeroed, not cut");
    }

    /** V1 keeps its rule: damage followed by an intact entry is corruption, even in the newest segment. */
    @Test
    void damageFollowedByAnIntactEntryInANewestV1SegmentIsStillCorruption() throws IOException {
        StorageConfig config = config();
        List<Mutation> written = mutations(5, 10);
        SegmentImage image = SegmentImage.v1(1).entries(written.subList(0, 4).toArray(Mutation[]::new));
        int damaged = image.position();
        image.entries(written.subList(4, 10).toArray(Mutation[]::new));
        Path segment = image.writeTo(config.commitLogDirectory(), 1);
        CommitLogTestSupport.flipBit(segment, damaged + EntryFraming.HEADER_BYTES + 2, 4);

        CorruptionException e = assertThrows(CorruptionException.class, () -> CommitLogTestSupport.replay(config));

        assertEquals(segment, e.file());
        assertEquals(damaged, e.offset());
        assertTrue(e.getMessage().contains("an intact entry follows"), e.getMessage());
    }
}
