package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void manyMutationsOfEveryKindAcrossSeveralRollsReplayExactlyInOrder() throws IOException {
        long seed = CommitLogTestSupport.seed("roundTrip");
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        List<Mutation> written = writeRandomLog(config, seed, 1500);

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);

        assertSameMutations(written, r.mutations(), "seed " + seed);
        assertTrue(r.result().clean(), r.result().toString());
        assertEquals(written.size(), r.result().entriesReplayed());
        assertTrue(r.result().segmentsRead() >= 4, "expected several segments: " + r.result());
    }

    @Test
    void replayAfterAReplayedRestartSeesOldAndNewEntries() throws IOException {
        long seed = CommitLogTestSupport.seed("restartTwice");
        StorageConfig config = CommitLogTestSupport.config(dir).syncMode(SyncMode.PERIODIC).build();
        List<Mutation> written = writeRandomLog(config, seed, 300);

        List<Mutation> firstReplay = new ArrayList<>();
        try (CommitLog log = CommitLogTestSupport.open(config, new LocalFileSystem())) {
            log.replay(firstReplay::add);
            // Listed before start(): the spare prepared right after it has a higher id, legitimately.
            long highestOld = CommitLogTestSupport.segments(config.commitLogDirectory()).keySet().stream()
                    .mapToLong(Long::longValue).max().orElse(0);
            long firstNew = log.start();
            assertTrue(firstNew > highestOld, "new segments get ids above every existing one");
            RandomMutations more = new RandomMutations(seed + 1, CommitLogTestSupport.MAX_VALUE_SIZE);
            for (int i = 0; i < 100; i++) {
                Mutation m = more.next();
                written.add(m);
                log.append(m);
            }
        }
        assertSameMutations(written.subList(0, 300), firstReplay, "seed " + seed);

        assertSameMutations(written, CommitLogTestSupport.replay(config).mutations(), "seed " + seed);
    }

    @Test
    void everySegmentIsPreallocatedToTheSegmentSize() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        writeRandomLog(config, 5, 400);

        for (Path segment : CommitLogTestSupport.segments(config.commitLogDirectory()).values()) {
            assertEquals(config.segmentSize(), Files.size(segment), segment.toString());
            assertTrue(CommitLogTestSupport.endOfNonZero(segment) <= CommitLogTestSupport.endOfData(segment),
                    "zeros after the last entry of " + segment);
        }
    }

    /**
     * Segments written by the appending writer of earlier versions end right after their last entry;
     * a segment size changed between runs gives segments of another size too. Both replay as before,
     * and the log writes on after them.
     */
    @Test
    void segmentsOfAnotherLengthStillReplay() throws IOException {
        long seed = CommitLogTestSupport.seed("otherLengths");
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        List<Mutation> written = writeRandomLog(config, seed, 400);
        Path[] segments = CommitLogTestSupport.segments(config.commitLogDirectory()).values().toArray(new Path[0]);
        assertTrue(segments.length >= 2, "expected several segments");
        for (Path segment : segments) {
            CommitLogTestSupport.cut(segment, CommitLogTestSupport.endOfData(segment));
        }
        StorageConfig larger = CommitLogTestSupport.config(dir).segmentSize(2 * CommitLogTestSupport.SEGMENT_SIZE).build();

        List<Mutation> replayed = new ArrayList<>();
        try (CommitLog log = CommitLogTestSupport.open(larger, new LocalFileSystem())) {
            ReplayResult r = log.replay(replayed::add);
            assertTrue(r.clean(), r.toString());
            log.start();
            Mutation more = new RandomMutations(seed + 1, 100).next();
            written.add(more);
            log.append(more).join();
        }

        assertSameMutations(written.subList(0, 400), replayed, "seed " + seed);
        CommitLogTestSupport.Replayed again = CommitLogTestSupport.replay(larger);
        assertTrue(again.result().clean(), again.result().toString());
        assertSameMutations(written, again.mutations(), "seed " + seed);
    }

    /** Writes {@code count} random mutations (with some explicit rolls), closes, returns them in order. */
    private static List<Mutation> writeRandomLog(StorageConfig config, long seed, int count) throws IOException {
        RandomMutations random = new RandomMutations(seed, CommitLogTestSupport.MAX_VALUE_SIZE);
        Random rolls = new Random(seed);
        List<Mutation> written = new ArrayList<>();
        List<CompletableFuture<?>> futures = new ArrayList<>();
        try (CommitLog log = CommitLogTestSupport.openAndStart(config, new LocalFileSystem())) {
            for (int i = 0; i < count; i++) {
                Mutation m = random.next();
                written.add(m);
                futures.add(log.append(m));
                if (rolls.nextInt(200) == 0) {
                    futures.add(log.rollSegment());
                }
            }
            CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
        }
        return written;
    }
}
