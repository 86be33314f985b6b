package io.stratadb.gossip.sim;

import io.stratadb.gossip.GossipClock;
import java.time.Duration;

/**
 * Time that moves only when the test (or the event loop) says so. Monotonic time starts at an
 * arbitrary large value so code that assumes "0 means unset" is caught.
 */
public final class SimulatedClock implements GossipClock {

    private static final long START_NANOS = 7_000_000_000_000L;

    private final long wallMillisAtStart;
    private long nanos = START_NANOS;

    public SimulatedClock(long wallMillisAtStart) {
        this.wallMillisAtStart = wallMillisAtStart;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return wallMillisAtStart + (nanos - START_NANOS) / 1_000_000L;
    }

    public void advance(Duration d) {
        advanceTo(nanos + d.toNanos());
    }

    public void advanceTo(long newNanos) {
        if (newNanos < nanos) {
            throw new IllegalArgumentException("monotonic time cannot go back: " + newNanos + " < " + nanos);
        }
        nanos = newNanos;
    }

    /** Simulated time elapsed since the clock was created. */
    public Duration elapsed() {
        return Duration.ofNanos(nanos - START_NANOS);
    }
}
