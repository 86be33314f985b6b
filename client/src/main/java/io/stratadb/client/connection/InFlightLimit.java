package io.stratadb.client.connection;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bound on requests in flight on one connection. A caller takes a permit, on its own thread, before it
 * hands a request to the connection; the connection gives it back, on its event loop, when the request's
 * stream id is freed (answered, failed, or the connection closed). A timed-out request keeps its permit
 * until its late answer frees the id, so a slow server makes its connections look busy: that is the
 * back-pressure.
 */
public final class InFlightLimit {
    private final int max;
    private final AtomicInteger inFlight = new AtomicInteger();

    public InFlightLimit(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("at least one request per connection, not " + max);
        }
        this.max = max;
    }

    /** Takes a permit if one is free; never blocks. */
    public boolean tryAcquire() {
        while (true) {
            int current = inFlight.get();
            if (current >= max) {
                return false;
            }
            if (inFlight.compareAndSet(current, current + 1)) {
                return true;
            }
        }
    }

    public void release() {
        if (inFlight.decrementAndGet() < 0) {
            inFlight.incrementAndGet();
            throw new IllegalStateException("permit released twice");
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int max() {
        return max;
    }
}
