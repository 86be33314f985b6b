package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeriodicSyncTest {

    @TempDir
    Path dir;

    private StorageConfig periodic(Duration interval) {
        return CommitLogTestSupport.config(dir).syncMode(SyncMode.PERIODIC).periodicSyncInterval(interval).build();
    }

    @Test
    void futuresCompleteWithoutWaitingForAnFsync() throws Exception {
        StorageConfig config = periodic(Duration.ofHours(1));
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        RandomMutations random = new RandomMutations(1, 100);
        for (int i = 0; i < 50; i++) {
            CompletableFuture<Void> f = log.append(random.next());
            assertTrue(f.isDone() && !f.isCompletedExceptionally(), "complete on return, before any fsync");
        }

        // Nothing was synced within the hour-long interval, so a crash loses it all: the
        // acknowledgements really did not wait for an fsync.
        fs.crash();
        log.close();
        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());
        assertEquals(0, r.mutations().size());
    }

    @Test
    void closeWritesAndSyncsEverythingQueued() throws Exception {
        long seed = CommitLogTestSupport.seed("periodicClose");
        StorageConfig config = periodic(Duration.ofHours(1));
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        RandomMutations random = new RandomMutations(seed, CommitLogTestSupport.MAX_VALUE_SIZE);
        List<Mutation> written = new ArrayList<>();
        try (CommitLog log = CommitLogTestSupport.openAndStart(config, fs)) {
            for (int i = 0; i < 500; i++) {
                Mutation m = random.next();
                written.add(m);
                log.append(m);
            }
        }
        fs.crash();

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());

        assertSameMutations(written, r.mutations(), "seed " + seed);
    }

    @Test
    void syncsOnItsOwnOnceTheIntervalPasses() throws Exception {
        StorageConfig config = periodic(Duration.ofMillis(20));
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        Mutation m = new RandomMutations(2, 100).next();
        log.append(m);
        Path segment = CommitLogTestSupport.segments(config.commitLogDirectory()).values().iterator().next();

        CommitLogTestSupport.awaitTrue(() -> durableEntries(fs, segment) == 1, "the periodic fsync covers the entry");
        fs.crash();
        log.close();

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());
        assertSameMutations(List.of(m), r.mutations(), "periodic sync");
    }

    /** Entries a crash now would leave in the (preallocated) segment. */
    private static int durableEntries(FaultInjectingFileSystem fs, Path segment) {
        try {
            return CommitLogTestSupport.readEntries(fs.durableContents(segment)).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
