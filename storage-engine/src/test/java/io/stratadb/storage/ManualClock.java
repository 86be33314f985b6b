package io.stratadb.storage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock whose wall time the test moves (TTL, gc_grace); monotonic time stays real so waits and
 * throttles inside the engine still make progress.
 */
public final class ManualClock implements Clock {

    private final AtomicLong micros;

    public ManualClock(long startMicros) {
        this.micros = new AtomicLong(startMicros);
    }

    /** 2026-01-01T00:00:00Z, a fixed, realistic start. */
    public static ManualClock atDefaultStart() {
        return new ManualClock(1_767_225_600_000_000L);
    }

    @Override
    public long currentTimeMicros() {
        return micros.get();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    public void advanceSeconds(long seconds) {
        micros.addAndGet(seconds * 1_000_000L);
    }

    public void advanceMicros(long delta) {
        micros.addAndGet(delta);
    }
}
