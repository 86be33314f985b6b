package io.stratadb.gossip;

/**
 * All time gossip reads, so tests can move time (failure detection, eviction) without sleeping.
 * Monotonic time drives everything measured locally; wall time is used only where nodes must agree
 * (generations, the expiry of a LEFT endpoint).
 */
public interface GossipClock {

    /** Monotonic nanoseconds for intervals; unrelated to wall-clock time. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch. */
    long currentTimeMillis();

    /** The machine's clocks. */
    static GossipClock system() {
        return new SystemGossipClock();
    }
}
