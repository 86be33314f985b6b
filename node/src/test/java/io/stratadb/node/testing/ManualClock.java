package io.stratadb.node.testing;

import io.stratadb.storage.Clock;

import java.util.concurrent.atomic.AtomicLong;

/** Wall time the test moves (TTL expiry, timestamps); monotonic time stays real so waits progress. */
public final class ManualClock implements Clock {

    private final AtomicLong micros;

    public ManualClock(long startMicros) {
        this.micros = new AtomicLong(startMicros);
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

    public void setMicros(long value) {
        micros.set(value);
    }
}
