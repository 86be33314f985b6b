package io.stratadb.storage.commitlog;

import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.SyncMode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer thread. It drains many requests per batch from the {@link WriteQueue}, frames
 * them into one buffer, writes, and syncs according to the mode:
 *
 * <ul>
 *   <li>GROUP: after a batch is written, wait up to {@code groupWindow} (counted from the batch's
 *       first entry) gathering more, then one fsync, then complete every future of the batch. Entries
 *       that arrive during an fsync form the next batch, so one fsync serves many writers even with a
 *       zero window.
 *   <li>PERIODIC: write each batch at once (a process crash loses nothing written), fsync once
 *       {@code periodicSyncInterval} has passed since the last fsync, or at once when a batch holds an
 *       entry whose caller waits for the fsync ({@code CommitLog.appendSynced}); park when idle.
 * </ul>
 *
 * <p>After an I/O error nothing is acknowledged any more: the pending futures fail, and so does every
 * later request, until the log is closed. Retrying an fsync after a failure is unsafe (the kernel may
 * have dropped the dirty pages and will report success next time), so the log is restarted instead.
 */
final class CommitLogWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogWriter.class);
    /** Bounds how long the first future of a batch can wait behind a queue that never empties. */
    static final int MAX_BATCH_REQUESTS = 8192;

    private final WriteQueue queue;
    private final SegmentAppender appender;
    private final SpareSegmentPreparer spares;
    private final SegmentDirectory directory;
    private final SyncMode mode;
    private final long groupWindowNanos;
    private final long syncIntervalNanos;
    private final Clock clock;
    private final CommitLogMetrics metrics;
    private final List<WriteRequest.Append> awaitingSync = new ArrayList<>();
    private WriteRequest inHand;
    private int batchEntries;
    private long batchStartNanos;
    private long lastSyncNanos;
    private volatile boolean stopRequested;
    private volatile StorageException failure;

    CommitLogWriter(WriteQueue queue, SegmentAppender appender, SpareSegmentPreparer spares,
            SegmentDirectory directory, SyncMode mode, long groupWindowNanos, long syncIntervalNanos,
            Clock clock, CommitLogMetrics metrics) {
        this.queue = queue;
        this.appender = appender;
        this.spares = spares;
        this.directory = directory;
        this.mode = mode;
        this.groupWindowNanos = groupWindowNanos;
        this.syncIntervalNanos = syncIntervalNanos;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The error that stopped the writer, or null while it is healthy. */
    StorageException failure() {
        return failure;
    }

    /** Asks the thread to finish: it writes and syncs everything queued, then exits. */
    void requestStop() {
        stopRequested = true;
        queue.wakeConsumer();
    }

    @Override
    public void run() {
        try {
            if (mode == SyncMode.GROUP) {
                runGroupCommit();
            } else {
                runPeriodic();
            }
            appender.close();
        } catch (Throwable t) {
            fail(t);
            drainFailing();
            closeQuietly();
        }
    }

    private void runGroupCommit() throws IOException {
        while (true) {
            if (drain() == 0) {
                if (stopRequested && queue.isEmpty()) {
                    return;
                }
                queue.parkConsumer(0);
                continue;
            }
            if (groupWindowNanos > 0 && batchEntries > 0) {
                long deadline = batchStartNanos + groupWindowNanos;
                for (long wait = deadline - clock.nanoTime(); wait > 0 && !stopRequested;
                        wait = deadline - clock.nanoTime()) {
                    if (drain() == 0) {
                        queue.parkConsumer(wait);
                    }
                }
            }
            sync();
            endBatch();
        }
    }

    private void runPeriodic() throws IOException {
        lastSyncNanos = clock.nanoTime();
        while (true) {
            int taken = drain();
            if (taken > 0) {
                appender.flush();
                endBatch();
            }
            long sinceSync = clock.nanoTime() - lastSyncNanos;
            // A waiting future here is an appendSynced() entry: it must not wait for the interval.
            if (appender.hasUnsyncedData() && (sinceSync >= syncIntervalNanos || !awaitingSync.isEmpty())) {
                sync();
            } else if (taken == 0) {
                if (stopRequested && queue.isEmpty()) {
                    return;
                }
                queue.parkConsumer(appender.hasUnsyncedData() ? syncIntervalNanos - sinceSync : 0);
            }
        }
    }

    /** Takes up to {@link #MAX_BATCH_REQUESTS} requests; returns how many. */
    private int drain() throws IOException {
        int taken = 0;
        long bytes = 0;
        try {
            WriteRequest r;
            while (taken < MAX_BATCH_REQUESTS && (r = queue.poll()) != null) {
                inHand = r;
                taken++;
                bytes += r.queuedBytes();
                if (r instanceof WriteRequest.Append a) {
                    append(a);
                } else {
                    roll((WriteRequest.Roll) r);
                }
                inHand = null;
            }
        } finally {
            queue.release(bytes);
        }
        return taken;
    }

    private void append(WriteRequest.Append a) throws IOException {
        if (!appender.fits(EntryFraming.frameSize(a.payloadBytes()))) {
            switchSegment();
        }
        if (batchEntries++ == 0) {
            batchStartNanos = clock.nanoTime();
        }
        appender.add(a);
        if (a.future() != null) {
            awaitingSync.add(a);
        }
    }

    private void roll(WriteRequest.Roll r) throws IOException {
        // An empty active segment already satisfies the contract: every earlier append is in an older one.
        if (appender.segmentHoldsEntries()) {
            switchSegment();
        }
        r.future().complete(appender.segment().id());
    }

    /** Syncs the active segment (acknowledging what it covers), then moves to the prepared spare. */
    private void switchSegment() throws IOException {
        sync();
        CommitLogSegment next = spares.take();
        appender.switchTo(next);
        directory.activated(next.id(), next.path());
    }

    /** One fsync; every append written so far is now durable, so acknowledge them. */
    private void sync() throws IOException {
        long start = clock.nanoTime();
        appender.sync();
        lastSyncNanos = start;
        for (WriteRequest.Append a : awaitingSync) {
            a.future().complete(null);
        }
        awaitingSync.clear();
    }

    private void endBatch() {
        if (batchEntries > 0) {
            metrics.batchSize().update(batchEntries);
            batchEntries = 0;
        }
    }

    private void fail(Throwable cause) {
        StorageException f = new StorageException("commit log write failed (" + cause
                + "); appends are refused until the commit log is reopened", cause);
        failure = f;
        LOG.error("Commit log writer stopped by an error; pending and later appends will fail", cause);
        if (inHand != null) {
            failRequest(inHand, f);
            inHand = null;
        }
        for (WriteRequest.Append a : awaitingSync) {
            a.future().completeExceptionally(f);
        }
        awaitingSync.clear();
    }

    private void drainFailing() {
        while (true) {
            long bytes = 0;
            for (WriteRequest r = queue.poll(); r != null; r = queue.poll()) {
                bytes += r.queuedBytes();
                failRequest(r, failure);
            }
            queue.release(bytes);
            if (stopRequested && queue.isEmpty()) {
                return;
            }
            queue.parkConsumer(0);
        }
    }

    private static void failRequest(WriteRequest r, StorageException f) {
        if (r instanceof WriteRequest.Append a) {
            if (a.future() != null) {
                a.future().completeExceptionally(f);
            }
        } else {
            ((WriteRequest.Roll) r).future().completeExceptionally(f);
        }
    }

    private void closeQuietly() {
        try {
            appender.segment().close();
        } catch (IOException | RuntimeException e) {
            LOG.debug("Closing the active segment after a failure also failed", e);
        }
    }
}
