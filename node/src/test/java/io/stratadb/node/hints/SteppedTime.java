package io.stratadb.node.hints;

import io.stratadb.storage.Clock;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Wall and monotonic time that move only when the test (or the replay's pacer) moves them, together: the
 * throttle and expiry are then exact and nothing sleeps.
 */
final class SteppedTime implements Clock, Pacer {

    static final long START_MICROS = 1_767_225_600_000_000L; // 2026-01-01T00:00:00Z

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicLong paused = new AtomicLong();

    @Override
    public long currentTimeMicros() {
        return START_MICROS + nanos.get() / 1000;
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    long nowMillis() {
        return currentTimeMicros() / 1000;
    }

    void advanceMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000L);
    }

    /** The pacer: "waiting" is moving time on. */
    @Override
    public void pause(long n) {
        paused.addAndGet(n);
        nanos.addAndGet(n);
    }

    long pausedNanos() {
        return paused.get();
    }
}
