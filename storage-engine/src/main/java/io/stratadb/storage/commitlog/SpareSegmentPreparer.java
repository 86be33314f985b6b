package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one segment created ahead of need on a background thread, so that when the writer rolls it
 * takes a ready file instead of waiting for a create, a zero fill of the whole segment, a sync and a
 * directory sync. The next spare is started as soon as one is taken, so it is filled while the
 * writer fills the active segment; the writer waits only if it fills a segment faster than this thread
 * can zero one. The lock here is taken once per roll, never per append.
 */
final class SpareSegmentPreparer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SpareSegmentPreparer.class);

    private final SegmentCreator creator;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long nextId;
    private boolean wanted = true;
    private CommitLogSegment ready;
    private IOException failure;
    private boolean closed;

    /** Starts preparing segment {@code firstId} at once. */
    SpareSegmentPreparer(SegmentCreator creator, ThreadFactory threads, long firstId) {
        this.creator = creator;
        this.nextId = firstId;
        this.thread = threads.newThread(this::run);
        thread.start();
    }

    /**
     * The prepared segment, waiting for it if it is not ready yet; the next one is prepared at once.
     *
     * @throws IOException if preparing it failed (the preparer stops; the log must be restarted)
     */
    CommitLogSegment take() throws IOException {
        lock.lock();
        try {
            while (ready == null && failure == null && !closed) {
                changed.awaitUninterruptibly();
            }
            if (failure != null) {
                throw new IOException("could not prepare the next commit-log segment", failure);
            }
            if (ready == null) {
                throw new IllegalStateException("segment preparer is closed");
            }
            CommitLogSegment segment = ready;
            ready = null;
            wanted = true;
            changed.signalAll();
            return segment;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread and deletes a prepared segment nobody took (it holds no entries). */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (ready != null) {
            try {
                creator.discardUnused(ready);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not delete unused commit-log segment {}; replay will find it empty", ready.path(), e);
            }
            ready = null;
        }
    }

    private void run() {
        while (true) {
            long id;
            lock.lock();
            try {
                while (!wanted && !closed) {
                    changed.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                wanted = false;
                id = nextId++;
            } finally {
                lock.unlock();
            }
            CommitLogSegment segment = null;
            IOException error = null;
            try {
                segment = creator.create(id);
            } catch (IOException e) {
                error = e;
            } catch (RuntimeException e) {
                error = new IOException(e);
            }
            lock.lock();
            try {
                ready = segment;
                failure = error;
                changed.signalAll();
                if (error != null) {
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
