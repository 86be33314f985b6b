package io.stratadb.node.hints;

import java.util.concurrent.locks.LockSupport;

/**
 * How replay waits when the byte-rate throttle says it is ahead. Injected so tests move a manual clock
 * instead of sleeping.
 */
@FunctionalInterface
public interface Pacer {

    /** Waits about {@code nanos}; returns early if the thread is interrupted. */
    void pause(long nanos);

    /** Parks the calling (replay) thread. */
    static Pacer parking() {
        return nanos -> {
            long deadline = System.nanoTime() + nanos;
            for (long left = nanos; left > 0 && !Thread.currentThread().isInterrupted(); left = deadline - System.nanoTime()) {
                LockSupport.parkNanos(left);
            }
        };
    }
}
