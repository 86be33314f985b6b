package io.stratadb.client.time;

/**
 * A source of monotonic nanoseconds, the only way the client's timing logic reads the time: deadlines,
 * how long a failed node stays at the back of query plans, how often the topology may be fetched again.
 * Tests pass their own implementation and move time by hand instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {
    /** Nanoseconds from an arbitrary origin; only differences mean anything, as with {@link System#nanoTime()}. */
    long nanos();

    /** The JVM's monotonic clock. */
    static Ticker system() {
        return System::nanoTime;
    }
}
