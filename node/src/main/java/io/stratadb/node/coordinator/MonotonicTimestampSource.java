package io.stratadb.node.coordinator;

import io.stratadb.storage.Clock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The wall clock in microseconds, made strictly increasing: if the clock has not moved (two writes in one
 * microsecond) or went backwards (an NTP step), the next timestamp is the last one plus one. Two writes
 * through this node therefore never tie and never reorder, whatever the clock does. Lock-free.
 *
 * <p>The guarantee holds for the life of the process; a restart starts from the wall clock again.
 */
public final class MonotonicTimestampSource implements TimestampSource {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

    public MonotonicTimestampSource(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long nextTimestampMicros() {
        while (true) {
            long now = clock.currentTimeMicros();
            long prev = last.get();
            long next = now > prev ? now : prev + 1;
            if (last.compareAndSet(prev, next)) {
                return next;
            }
        }
    }
}
