package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.InvalidRequestException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import io.stratadb.storage.io.FaultInjectingFileSystem.Operation;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitLogLifecycleTest {

    @TempDir
    Path dir;

    private static Mutation small(int i) {
        return new Mutation("t", new byte[] {(byte) i}, Cell.value(new byte[] {1, 2, 3}, i));
    }

    @Test
    void tooLargeKeysValuesAndBadTableNamesAreRefusedAtOnceAndNothingIsWritten() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        try (CommitLog log = CommitLogTestSupport.openAndStart(config, new LocalFileSystem())) {
            Mutation bigValue = new Mutation("t", new byte[1],
                    Cell.value(new byte[CommitLogTestSupport.MAX_VALUE_SIZE + 1], 1));
            InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> log.append(bigValue));
            assertTrue(e.getMessage().contains("exceeds maxValueSize " + CommitLogTestSupport.MAX_VALUE_SIZE), e.getMessage());
            Mutation bigKey = new Mutation("t", new byte[StorageConfig.MAX_KEY_SIZE + 1], Cell.tombstone(1, 1));
            assertThrows(InvalidRequestException.class, () -> log.append(bigKey));
            Mutation badTable = new Mutation("t\uD800", new byte[1], Cell.tombstone(1, 1));
            assertThrows(InvalidRequestException.class, () -> log.append(badTable));
            Mutation atLimit = new Mutation("t", new byte[1], Cell.value(new byte[CommitLogTestSupport.MAX_VALUE_SIZE], 1));
            log.append(atLimit).join();
        }
        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config);
        assertEquals(1, r.mutations().size(), "only the mutation at the limit was written");
    }

    @Test
    void appendsAndRollsAfterCloseFailWithStorageException() throws IOException {
        CommitLog log = CommitLogTestSupport.openAndStart(CommitLogTestSupport.config(dir).build(), new LocalFileSystem());
        log.close();
        log.close();

        assertFailsWithStorageException(log.append(small(1)), "closed");
        assertFailsWithStorageException(log.rollSegment(), "closed");
    }

    @Test
    void closingFromAFutureCallbackIsRefusedRatherThanDeadlocking() throws IOException {
        // The window keeps the future pending long enough for the callback to be attached first, so
        // that it runs on the writer thread.
        StorageConfig config = CommitLogTestSupport.config(dir).groupWindow(Duration.ofMillis(300)).build();
        CommitLog log = CommitLogTestSupport.openAndStart(config, new LocalFileSystem());
        CompletableFuture<Void> closeInCallback = log.append(small(1)).thenRun(log::close);

        CompletionException e = assertThrows(CompletionException.class, closeInCallback::join);
        assertInstanceOf(IllegalStateException.class, e.getCause());
        log.close();
    }

    @Test
    void theLifecycleOrderIsEnforced() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        try (CommitLog log = CommitLogTestSupport.open(config, new LocalFileSystem())) {
            assertThrows(IllegalStateException.class, () -> log.append(small(1)), "append before start");
            log.replay(m -> { });
            assertThrows(IllegalStateException.class, () -> log.replay(m -> { }), "replay twice");
            log.start();
            assertThrows(IllegalStateException.class, log::start, "start twice");
            log.append(small(1)).join();
        }
        try (CommitLog log = CommitLogTestSupport.open(config, new LocalFileSystem())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, log::start);
            assertTrue(e.getMessage().contains("replay() must run before start()"), e.getMessage());
        }
        CommitLog neverStarted = CommitLogTestSupport.open(config, new LocalFileSystem());
        neverStarted.close();
        assertFailsWithStorageException(neverStarted.append(small(2)), "closed");
    }

    @Test
    void aFailedSyncFailsThePendingFuturesInsteadOfAcknowledgingThem() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        log.append(small(0)).join();
        fs.failNext(Operation.SYNC, p -> p.getFileName().toString().endsWith(SegmentFileName.SUFFIX));

        assertFailsWithStorageException(log.append(small(1)), "injected SYNC failure");
        assertFailsWithStorageException(log.append(small(2)), "injected SYNC failure");
        assertFailsWithStorageException(log.rollSegment(), "injected SYNC failure");
        log.close();
    }

    @Test
    void aFailedWriteFailsEveryFutureOfTheBatch() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).groupWindow(Duration.ofMillis(50)).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        fs.failNext(Operation.WRITE, p -> p.getFileName().toString().endsWith(SegmentFileName.SUFFIX));
        List<CompletableFuture<Void>> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(log.append(small(i)));
        }
        for (CompletableFuture<Void> f : batch) {
            assertFailsWithStorageException(f, "injected WRITE failure");
        }
        log.close();
        fs.crash();
        assertEquals(0, CommitLogTestSupport.replay(config, fs.restarted()).mutations().size());
    }

    @Test
    void aSegmentThatCannotBePreparedFailsTheRollButNotWhatWasAlreadySynced() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        fs.failNext(Operation.CREATE, p -> p.getFileName().toString().equals(SegmentFileName.temporaryOf(2)));
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        CompletableFuture<Void> before = log.append(small(1));

        assertFailsWithStorageException(log.rollSegment(), "could not prepare");
        before.join();
        assertFailsWithStorageException(log.append(small(2)), "could not prepare");
        log.close();
        assertSameMutations(List.of(small(1)), CommitLogTestSupport.replay(config).mutations(), "synced before");
        assertFalse(Files.exists(config.commitLogDirectory().resolve(SegmentFileName.temporaryOf(2))));
    }

    @Test
    void metricsAreKeptUnderTheCommitlogPrefixAndGaugesRemovedOnClose() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        MetricRegistry metrics = new MetricRegistry();
        try (CommitLog log = CommitLog.open(config, new LocalFileSystem(), Clock.system(), metrics,
                CommitLogTestSupport.threads())) {
            log.replay(m -> { });
            log.start();
            for (int i = 0; i < 10; i++) {
                log.append(small(i)).join();
            }
            assertTrue(metrics.getMeters().get(CommitLogMetrics.BYTES_WRITTEN).getCount() > 10 * EntryFraming.OVERHEAD);
            assertTrue(metrics.getTimers().get(CommitLogMetrics.SYNC_LATENCY).getCount() >= 1);
            assertTrue(metrics.getHistograms().get(CommitLogMetrics.BATCH_SIZE).getCount() >= 1);
            assertEquals(0, metrics.getGauges().get(CommitLogMetrics.PENDING_ENTRIES).getValue());
            assertEquals(1, metrics.getGauges().get(CommitLogMetrics.ACTIVE_SEGMENTS).getValue());
            assertTrue(metrics.getNames().stream().allMatch(n -> n.startsWith("commitlog.")), metrics.getNames().toString());
        }
        assertFalse(metrics.getGauges().containsKey(CommitLogMetrics.PENDING_ENTRIES));
        assertFalse(metrics.getGauges().containsKey(CommitLogMetrics.ACTIVE_SEGMENTS));
    }

    /** With a window, appends that arrive close together share one fsync. */
    @Test
    void aGroupWindowGathersAppendsIntoFewFsyncs() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).groupWindow(Duration.ofMillis(300)).build();
        MetricRegistry metrics = new MetricRegistry();
        try (CommitLog log = CommitLog.open(config, new LocalFileSystem(), Clock.system(), metrics,
                CommitLogTestSupport.threads())) {
            log.replay(m -> { });
            log.start();
            List<CompletableFuture<Void>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                futures.add(log.append(small(i)));
            }
            futures.forEach(CompletableFuture::join);
            long syncs = metrics.getTimers().get(CommitLogMetrics.SYNC_LATENCY).getCount();
            assertTrue(syncs <= 4, "40 appends within one window took " + syncs + " fsyncs");
        }
    }

    private static void assertFailsWithStorageException(CompletableFuture<?> f, String messagePart) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        assertInstanceOf(StorageException.class, e.getCause());
        assertTrue(String.valueOf(e.getCause().getMessage()).contains(messagePart)
                        || String.valueOf(e.getCause().getCause()).contains(messagePart),
                "expected '" + messagePart + "' in " + e.getCause());
    }
}
