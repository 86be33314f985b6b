package io.stratadb.storage.commitlog;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.InvalidRequestException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.FileSystem;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit log of one storage engine: a directory of fixed-size segments, appended to by one writer
 * thread. Lifecycle: {@link #open}, then {@link #replay} (rebuilds what the memtables held), then
 * {@link #start}; then {@link #append} from any number of threads; {@link #close} at the end.
 * Format and guarantees: docs/commitlog-format.md.
 *
 * <p>{@link #append} and {@link #rollSegment} never block on a lock: they validate, then hand the
 * request to the writer through a lock-free queue (waiting briefly only when that queue is full).
 * Futures are completed on the writer thread, so callbacks attached to them must not block.
 */
public final class CommitLog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLog.class);
    private static final int QUEUE_CAPACITY = 16 << 10;
    private static final long MIN_QUEUE_BYTE_BUDGET = 32L << 20;
    private static final int MIN_BUFFER_SIZE = 1 << 20;

    private final StorageConfig config;
    private final FileSystem fs;
    private final Clock clock;
    private final ThreadFactory threads;
    private final SegmentDirectory directory;
    private final WriteQueue queue;
    private final CommitLogMetrics metrics;
    /**
     * Largest frame an append may produce: bounded by the value limit and by what fits in a segment's
     * first section.
     */
    private final int maxFrameBytes;

    private boolean replayed;
    private boolean closed;
    private SpareSegmentPreparer spares;
    private Thread writerThread;
    private volatile CommitLogWriter writer;

    private CommitLog(StorageConfig config, FileSystem fs, Clock clock, MetricRegistry registry,
            ThreadFactory threads, SegmentDirectory directory) {
        this.config = config;
        this.fs = fs;
        this.clock = clock;
        this.threads = threads;
        this.directory = directory;
        long largestPossible = EntryFraming.OVERHEAD + MutationCodec.FIXED_BYTES + MutationCodec.MAX_TABLE_NAME_BYTES
                + StorageConfig.MAX_KEY_SIZE + (long) config.maxValueSize();
        this.maxFrameBytes = (int) Math.min(largestPossible,
                config.segmentSize() - SegmentHeader.SIZE - SectionHeader.SIZE);
        this.queue = new WriteQueue(QUEUE_CAPACITY, Math.max(MIN_QUEUE_BYTE_BUDGET, 4L * maxFrameBytes));
        this.metrics = new CommitLogMetrics(registry, clock, queue::size, directory::liveCount);
    }

    /** Opens the directory and finds existing segments; does not replay or start writing. */
    public static CommitLog open(StorageConfig config, FileSystem fs, Clock clock, MetricRegistry metrics,
            ThreadFactory threads) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(fs, "fs");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(threads, "threads");
        SegmentDirectory directory = SegmentDirectory.open(fs, config.commitLogDirectory());
        LOG.info("Commit log {}: {} existing segment(s); sync {} (group window {}, periodic interval {}), "
                        + "segment size {}, corruption policy {}, format {}",
                config.commitLogDirectory(), directory.foundAtOpen().size(), config.syncMode(), config.groupWindow(),
                config.periodicSyncInterval(), config.segmentSize(), config.corruptionPolicy(),
                CommitLogFormatVersion.CURRENT);
        return new CommitLog(config, fs, clock, metrics, threads, directory);
    }

    /**
     * Replays every existing segment, oldest first, giving each valid mutation to the consumer. Call
     * before {@link #start()}, at most once. A torn tail of the newest segment is zeroed and reported.
     *
     * @throws io.stratadb.storage.CorruptionException under the STOP policy, naming file and offset
     */
    public synchronized ReplayResult replay(Consumer<Mutation> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        requireOpen();
        if (writer != null) {
            throw new IllegalStateException("replay() must run before start()");
        }
        if (replayed) {
            throw new IllegalStateException("replay() already ran");
        }
        ReplayResult result;
        try {
            result = new CommitLogReplayer(fs, config.corruptionPolicy()).replay(directory.foundAtOpen(), consumer);
        } catch (IOException e) {
            throw new StorageException("commit-log replay failed reading " + directory.path(), e);
        }
        replayed = true;
        LOG.info("Commit log replayed: {}", result);
        return result;
    }

    /**
     * Starts the writer; new entries go to new segments whose ids are greater than any existing one.
     * Returns the first new segment id.
     */
    public synchronized long start() {
        requireOpen();
        if (writer != null) {
            throw new IllegalStateException("start() already ran");
        }
        if (!replayed && !directory.foundAtOpen().isEmpty()) {
            // Writing first would make an unreplayed torn tail look like corruption on the next start.
            throw new IllegalStateException("replay() must run before start(): "
                    + directory.foundAtOpen().size() + " segment(s) exist in " + directory.path());
        }
        long firstId = directory.firstNewId();
        SegmentCreator creator = new SegmentCreator(fs, directory.path(), config.segmentSize());
        CommitLogSegment first;
        try {
            first = creator.create(firstId);
        } catch (IOException e) {
            throw new StorageException("could not create commit-log segment " + firstId + " in " + directory.path(), e);
        }
        directory.activated(firstId, first.path());
        spares = new SpareSegmentPreparer(creator, threads, firstId + 1);
        // Room for the largest frame in a section of its own.
        int bufferSize = Math.max(Math.min(MIN_BUFFER_SIZE, config.segmentSize()), SectionHeader.SIZE + maxFrameBytes);
        SegmentAppender appender = new SegmentAppender(first, bufferSize, metrics, clock);
        CommitLogWriter w = new CommitLogWriter(queue, appender, spares, directory, config.syncMode(),
                config.groupWindow().toNanos(), config.periodicSyncInterval().toNanos(), clock, metrics);
        writerThread = threads.newThread(w);
        queue.setConsumer(writerThread);
        writer = w;
        writerThread.start();
        return firstId;
    }

    /**
     * Queues a mutation. GROUP: the future completes after the fsync that covers it. PERIODIC: it is
     * complete on return (fsync every periodicSyncInterval). After an I/O failure or {@link #close()}
     * the future fails with {@link StorageException}.
     *
     * @throws InvalidRequestException if the key, value or table name is too large; nothing is written
     */
    public CompletableFuture<Void> append(Mutation m) {
        return append(m, false);
    }

    /**
     * As {@link #append}, but in every sync mode the future completes only after an fsync covering the
     * entry. In PERIODIC mode the writer syncs as soon as it has written such an entry instead of waiting
     * for the interval (Paxos state must be on disk before a promise is answered, whatever the mode).
     */
    public CompletableFuture<Void> appendSynced(Mutation m) {
        return append(m, true);
    }

    private CompletableFuture<Void> append(Mutation m, boolean synced) {
        Objects.requireNonNull(m, "mutation");
        int tableNameBytes = validate(m);
        CommitLogWriter w = requireStarted();
        if (w == null) {
            return CompletableFuture.failedFuture(closedException());
        }
        StorageException failure = w.failure();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Void> future = synced || config.syncMode() == SyncMode.GROUP ? new CompletableFuture<>() : null;
        int payloadBytes = MutationCodec.encodedSize(m, tableNameBytes);
        if (!queue.offer(new WriteRequest.Append(m, payloadBytes, tableNameBytes, future))) {
            return CompletableFuture.failedFuture(closedException());
        }
        return future != null ? future : CompletableFuture.completedFuture(null);
    }

    /**
     * Queues a segment switch: every append() that returned before this call lands in a segment with
     * id below the future's value; every append() begun after this call returns lands in a segment
     * with id at least that value. Completes with the new segment's id (the active one's, if it holds
     * no entry yet).
     */
    public CompletableFuture<Long> rollSegment() {
        CommitLogWriter w = requireStarted();
        if (w == null) {
            return CompletableFuture.failedFuture(closedException());
        }
        StorageException failure = w.failure();
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        if (!queue.offer(new WriteRequest.Roll(future))) {
            return CompletableFuture.failedFuture(closedException());
        }
        return future;
    }

    /**
     * Deletes every segment with id below {@code segmentId} (the engine has flushed their contents),
     * including replayed old ones; never the active one.
     */
    public void discardSegmentsBefore(long segmentId) {
        try {
            int n = directory.deleteBefore(segmentId);
            if (n > 0) {
                LOG.debug("Discarded {} commit-log segment(s) below id {}", n, segmentId);
            }
        } catch (IOException e) {
            throw new StorageException("could not delete commit-log segments below " + segmentId
                    + " in " + directory.path(), e);
        }
    }

    /** Stops accepting appends, writes and syncs everything queued, completes its futures, closes files. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (Thread.currentThread() == writerThread) {
            // close() waits for the writer thread, so from one of its future callbacks it would wait forever.
            throw new IllegalStateException("close() called on the commit-log writer thread (from a future callback?)");
        }
        closed = true;
        queue.close();
        if (writer != null) {
            writer.requestStop();
            joinUninterruptibly(writerThread);
            spares.close();
        }
        metrics.unregister();
        LOG.info("Commit log {} closed", directory.path());
    }

    private int validate(Mutation m) {
        if (m.key().length > StorageConfig.MAX_KEY_SIZE) {
            throw new InvalidRequestException("key of " + m.key().length + " bytes exceeds the maximum of "
                    + StorageConfig.MAX_KEY_SIZE);
        }
        int valueBytes = m.cell().value().length;
        if (valueBytes > config.maxValueSize()) {
            throw new InvalidRequestException("value of " + valueBytes + " bytes exceeds maxValueSize "
                    + config.maxValueSize());
        }
        int tableNameBytes = MutationCodec.utf8Length(m.table());
        if (tableNameBytes < 0) {
            throw new InvalidRequestException("table name contains an unpaired surrogate character");
        }
        if (tableNameBytes > MutationCodec.MAX_TABLE_NAME_BYTES) {
            throw new InvalidRequestException("table name of " + tableNameBytes + " UTF-8 bytes exceeds "
                    + MutationCodec.MAX_TABLE_NAME_BYTES);
        }
        int frame = EntryFraming.frameSize(MutationCodec.encodedSize(m, tableNameBytes));
        if (frame > maxFrameBytes) {
            throw new InvalidRequestException("mutation of " + frame + " bytes does not fit in a commit-log segment of "
                    + config.segmentSize() + " bytes");
        }
        return tableNameBytes;
    }

    /** The writer, or null if the log was closed before it started; throws if it simply has not started. */
    private CommitLogWriter requireStarted() {
        CommitLogWriter w = writer;
        if (w == null && !queue.isClosed()) {
            throw new IllegalStateException("commit log not started: call replay() and start() first");
        }
        return w;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("commit log " + directory.path() + " is closed");
        }
    }

    private StorageException closedException() {
        return new StorageException("commit log " + directory.path() + " is closed");
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
