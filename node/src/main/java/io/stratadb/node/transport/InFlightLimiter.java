package io.stratadb.node.transport;

import io.stratadb.storage.Clock;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the requests being executed on the whole node (each connection bounds its own too), and lets
 * shutdown refuse new requests and wait for the running ones. A request refused here has not started,
 * so it is answered OVERLOADED, which promises no effect.
 */
public final class InFlightLimiter {

    private final int max;
    private final Clock clock;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean draining;

    public InFlightLimiter(int max, Clock clock) {
        this.max = max;
        this.clock = clock;
    }

    /** Takes a permit, or returns false if the node is at its bound or shutting down. */
    public boolean tryAcquire() {
        if (draining) {
            return false;
        }
        while (true) {
            int n = inFlight.get();
            if (n >= max) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }

    public boolean isDraining() {
        return draining;
    }

    /**
     * Refuses new requests from now on and waits until the running ones finished or the deadline passed.
     * Returns the number still running (0 on a clean drain).
     */
    public int drain(long timeoutMillis) throws InterruptedException {
        draining = true;
        long deadline = clock.nanoTime() + timeoutMillis * 1_000_000L;
        synchronized (this) {
            while (inFlight.get() > 0) {
                long left = deadline - clock.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000L));
            }
        }
        return inFlight.get();
    }
}
