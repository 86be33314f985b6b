package io.stratadb.node.hints;

import io.stratadb.storage.Clock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A byte-rate throttle for replay (Cassandra's {@code hinted_handoff_throttle}), as a virtual schedule:
 * each reservation of {@code n} bytes pushes "the earliest time the next send may start" forward by
 * {@code n / rate}, and the caller waits until its own slot. No burst allowance beyond the first send, so
 * the rate holds over any window longer than one hint. Thread-safe and lock-free: share one instance
 * between replays to bound the node's total hint traffic.
 */
public final class RateLimit {

    private final Clock clock;
    private final long bytesPerSecond;
    /** The monotonic time (nanos) at which the next reservation may start. */
    private final AtomicLong nextFreeNanos;

    public RateLimit(Clock clock, long bytesPerSecond) {
        if (bytesPerSecond <= 0) {
            throw new IllegalArgumentException("bytesPerSecond must be positive: " + bytesPerSecond);
        }
        this.clock = clock;
        this.bytesPerSecond = bytesPerSecond;
        this.nextFreeNanos = new AtomicLong(clock.nanoTime());
    }

    /** No throttle. */
    public static RateLimit unlimited(Clock clock) {
        return new RateLimit(clock, Long.MAX_VALUE);
    }

    /** Reserves {@code bytes} and returns how long (nanos) the caller must wait before sending them. */
    public long reserve(int bytes) {
        if (bytesPerSecond == Long.MAX_VALUE) {
            return 0;
        }
        long cost = (long) Math.ceil(bytes * 1_000_000_000.0 / bytesPerSecond);
        while (true) {
            long now = clock.nanoTime();
            long free = nextFreeNanos.get();
            // Time not used while idle is not banked: a replay after a quiet hour must not burst.
            long start = Math.max(free, now);
            if (nextFreeNanos.compareAndSet(free, start + cost)) {
                return start - now;
            }
        }
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }
}
