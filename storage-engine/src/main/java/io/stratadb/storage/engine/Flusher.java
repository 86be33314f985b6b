package io.stratadb.storage.engine;

import com.codahale.metrics.Timer;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.commitlog.CommitLog;
import io.stratadb.storage.commitlog.ReplayResult;
import io.stratadb.storage.memtable.Memtable;
import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.sstable.SSTableReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.concurrent.CompletableFuture;

/**
 * Turns full memtable generations into SSTables, one flush at a time on one thread, oldest first:
 * commit-log segments may only be retired in order, and a single thread gives that for free.
 */
final class Flusher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Flusher.class);
    /** Generations allowed to wait for flushing before synchronous writers are held back. */
    static final int MAX_PENDING_FLUSHES = 2;

    private final SSTableTracker tracker;
    private final CommitLog commitLog;
    private final SSTableFiles files;
    private final EngineMetrics metrics;
    private final Function<MemtableGeneration, CompletableFuture<Long>> switcher;
    private final ExecutorService executor;
    private final AtomicLong generationIds;
    private final Object backlog = new Object();
    private final Runnable afterFlush;
    private volatile ReplayResult lastReplay;

    Flusher(SSTableTracker tracker, CommitLog commitLog, SSTableFiles files, EngineMetrics metrics,
            Function<MemtableGeneration, CompletableFuture<Long>> switcher, ThreadFactory threads,
            long firstGenerationId, Runnable afterFlush) {
        this.tracker = tracker;
        this.commitLog = commitLog;
        this.files = files;
        this.metrics = metrics;
        this.switcher = switcher;
        this.executor = Executors.newSingleThreadExecutor(threads);
        this.generationIds = new AtomicLong(firstGenerationId);
        this.afterFlush = afterFlush;
    }

    void setLastReplay(ReplayResult r) {
        this.lastReplay = r;
    }

    ReplayResult lastReplay() {
        return lastReplay;
    }

    void flushAsync() {
        executor.execute(() -> {
            try {
                flushOnce();
            } catch (RuntimeException e) {
                log.error("Background flush failed; its memtable stays readable and its commit log kept", e);
            }
        });
    }

    void flushAndWait() {
        Future<?> f = executor.submit(this::flushOnce);
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while flushing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new StorageException("flush failed", e.getCause());
        }
    }

    /** Holds a synchronous writer back while too many memtables wait for their flush. */
    void awaitBelowFlushBacklog() {
        if (tracker.view().flushing.size() < MAX_PENDING_FLUSHES) {
            return;
        }
        synchronized (backlog) {
            while (tracker.view().flushing.size() >= MAX_PENDING_FLUSHES && !executor.isShutdown()) {
                try {
                    backlog.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("interrupted while waiting for a flush", e);
                }
            }
        }
    }

    /** Retries generations a failed flush left behind, then flushes the current one. */
    private void flushOnce() {
        List<MemtableGeneration> stuck = tracker.view().flushing;
        for (int i = stuck.size() - 1; i >= 0; i--) {
            writeAndPublish(stuck.get(i));
        }
        MemtableGeneration old = tracker.view().current;
        if (old.isEmpty()) {
            return;
        }
        CompletableFuture<Long> barrier = switcher.apply(new MemtableGeneration(generationIds.getAndIncrement()));
        try {
            old.awaitWriters();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while flushing", e);
        }
        long segment = barrier.join();
        writeAndPublish(old);
        commitLog.discardSegmentsBefore(segment);
        afterFlush.run();
    }

    private void writeAndPublish(MemtableGeneration gen) {
        Map<String, SSTableReader> added = new HashMap<>();
        try (Timer.Context timing = metrics.flushes.time()) {
            for (Map.Entry<String, Memtable> e : gen.memtables().entrySet()) {
                if (!e.getValue().isEmpty()) {
                    SSTableReader r = files.write(e.getKey(), e.getValue());
                    added.put(e.getKey(), r);
                    metrics.bytesFlushed.mark(r.sizeOnDisk());
                }
            }
            tracker.flushed(gen, added);
        } catch (IOException | RuntimeException e) {
            added.values().forEach(SSTableTracker::retire);
            throw new StorageException("flush of " + gen + " failed", e);
        }
        synchronized (backlog) {
            backlog.notifyAll();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                log.warn("Flush thread did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (backlog) {
            backlog.notifyAll();
        }
    }
}
