package io.stratadb.storage;

import java.time.Instant;

/** The real clocks; stateless, so one shared constant is harmless. */
final class SystemClock implements Clock {

    static final SystemClock INSTANCE = new SystemClock();

    private SystemClock() {
    }

    @Override
    public long currentTimeMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }
}
