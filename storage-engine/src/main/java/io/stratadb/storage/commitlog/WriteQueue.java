package io.stratadb.storage.commitlog;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jctools.queues.MpscArrayQueue;

/**
 * The hand-off from many producers to the one writer thread: a bounded lock-free MPSC queue plus a
 * byte budget, so neither the number of queued requests nor the bytes they hold can grow without
 * bound. A producer that finds either full backs off (spin, yield, then short parks) until the writer
 * catches up; it never takes a lock.
 *
 * <p>The writer parks when idle. A producer wakes it only if it announced it was parking, so a busy
 * writer costs producers no syscall. The announce-then-recheck order in {@link #parkConsumer} and the
 * enqueue-then-check order in {@link #offer} make a lost wake-up impossible: both sides use volatile
 * accesses, so at least one of them sees the other.
 *
 * <p>Closing: the low bits of {@code producers} count producers inside {@link #offer}; {@link #close}
 * sets the CLOSED bit and waits for that count to drain, after which nothing more can be enqueued and
 * the writer can empty the queue for the last time.
 */
final class WriteQueue {

    private static final int CLOSED = 1 << 30;

    private final MpscArrayQueue<WriteRequest> queue;
    private final AtomicInteger producers = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final long byteBudget;
    private volatile Thread consumer;
    private volatile boolean consumerParked;

    /**
     * @param capacity most requests queued at once
     * @param byteBudget producers wait while queued entries hold more than this many bytes
     *     (a soft bound: each producer checks before adding, so it can be exceeded by one entry each)
     */
    WriteQueue(int capacity, long byteBudget) {
        this.queue = new MpscArrayQueue<>(capacity);
        this.byteBudget = byteBudget;
    }

    void setConsumer(Thread thread) {
        this.consumer = thread;
    }

    /** Enqueues {@code r}, waiting while the queue is full; false if the queue is closed. */
    boolean offer(WriteRequest r) {
        if ((producers.getAndIncrement() & CLOSED) != 0) {
            producers.decrementAndGet();
            return false;
        }
        try {
            int idle = 0;
            int bytes = r.queuedBytes();
            if (bytes > 0) {
                while (queuedBytes.get() > byteBudget) {
                    idle = backOff(idle);
                }
                queuedBytes.addAndGet(bytes);
            }
            while (!queue.offer(r)) {
                idle = backOff(idle);
            }
        } finally {
            producers.decrementAndGet();
        }
        if (consumerParked) {
            LockSupport.unpark(consumer);
        }
        return true;
    }

    /** Writer side: the next request or null. */
    WriteRequest poll() {
        return queue.poll();
    }

    /** Writer side: returns bytes of requests it has taken to the budget (once per batch, not per entry). */
    void release(long bytes) {
        if (bytes != 0) {
            queuedBytes.addAndGet(-bytes);
        }
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Requests waiting for the writer (approximate while producers are active). */
    int size() {
        return queue.size();
    }

    /**
     * Writer side: parks until a producer enqueues, {@link #wakeConsumer} is called, or
     * {@code nanos} pass ({@code nanos <= 0}: no time limit). May return early, like any park.
     */
    void parkConsumer(long nanos) {
        consumerParked = true;
        try {
            if (queue.isEmpty()) {
                if (nanos > 0) {
                    LockSupport.parkNanos(this, nanos);
                } else {
                    LockSupport.park(this);
                }
            }
        } finally {
            consumerParked = false;
        }
    }

    /** Wakes the writer unconditionally (used to tell it to stop). */
    void wakeConsumer() {
        Thread t = consumer;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Refuses new requests and waits until every producer already inside {@link #offer} has finished. */
    void close() {
        int state = producers.get();
        while ((state & CLOSED) == 0 && !producers.compareAndSet(state, state | CLOSED)) {
            state = producers.get();
        }
        int idle = 0;
        while ((producers.get() & ~CLOSED) != 0) {
            idle = backOff(idle);
        }
    }

    boolean isClosed() {
        return (producers.get() & CLOSED) != 0;
    }

    private static int backOff(int idle) {
        if (idle < 100) {
            Thread.onSpinWait();
        } else if (idle < 200) {
            Thread.yield();
        } else {
            // Not a clock read: just yields the CPU to the writer for a moment.
            LockSupport.parkNanos(50_000);
        }
        return idle + 1;
    }
}
