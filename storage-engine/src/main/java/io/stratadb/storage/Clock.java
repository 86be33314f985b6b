package io.stratadb.storage;

/**
 * All time the storage engine reads comes through here, so tests can move time (TTL expiry,
 * gc_grace, group-commit windows) without sleeping.
 */
public interface Clock {

    /** Wall-clock time in microseconds since the epoch (write timestamps). */
    long currentTimeMicros();

    /** Monotonic nanoseconds for measuring intervals; unrelated to wall-clock time. */
    long nanoTime();

    /** Wall-clock time in whole seconds since the epoch (TTL and gc_grace arithmetic). */
    default long currentTimeSeconds() {
        return currentTimeMicros() / 1_000_000L;
    }

    /** The machine's clocks. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
