package io.stratadb.storage.engine;

import io.stratadb.storage.Mutation;
import io.stratadb.storage.commitlog.CommitLog;
import io.stratadb.storage.memtable.MemtableGeneration;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps commit-log order and memtable generations in step. Writers take the read side while they pick
 * the current generation and queue their entry; a flush takes the write side while it installs a new
 * generation and queues the segment roll. So every entry of a generation is queued before its roll
 * marker, and a segment older than the marker holds nothing of a later generation: once the
 * generation is flushed, those segments can go.
 */
final class GenerationSwitch {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final SSTableTracker tracker;
    private final CommitLog commitLog;

    GenerationSwitch(SSTableTracker tracker, CommitLog commitLog) {
        this.tracker = tracker;
        this.commitLog = commitLog;
    }

    /** A write between queueing its commit-log entry and landing in its memtable generation. */
    record PendingWrite(MemtableGeneration gen, CompletableFuture<Void> logged) {
    }

    PendingWrite begin(Mutation m) {
        return begin(m, false);
    }

    /** {@code synced}: the entry's future waits for its fsync even in PERIODIC mode. */
    PendingWrite begin(Mutation m, boolean synced) {
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        try {
            MemtableGeneration gen = tracker.view().current;
            gen.beginWrite();
            try {
                return new PendingWrite(gen, synced ? commitLog.appendSynced(m) : commitLog.append(m));
            } catch (RuntimeException e) {
                gen.endWrite();
                throw e;
            }
        } finally {
            read.unlock();
        }
    }

    /** Installs {@code next} as current; the future yields the first segment id of {@code next}'s entries. */
    CompletableFuture<Long> switchTo(MemtableGeneration next) {
        ReentrantReadWriteLock.WriteLock write = lock.writeLock();
        write.lock();
        try {
            tracker.updateView(v -> v.withNewCurrent(next));
            return commitLog.rollSegment();
        } finally {
            write.unlock();
        }
    }
}
