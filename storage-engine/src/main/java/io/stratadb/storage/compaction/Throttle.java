package io.stratadb.storage.compaction;

import io.stratadb.storage.Clock;

import java.util.concurrent.locks.LockSupport;

/**
 * Limits compaction I/O to a byte rate so it does not starve foreground reads and writes. A token
 * bucket with one second of burst; time comes from the injected clock.
 */
public final class Throttle {

    private final Clock clock;
    private final double bytesPerNano;
    private final double burst;
    private double available;
    private long last;

    /** {@code bytesPerSecond <= 0} means unlimited. */
    public Throttle(Clock clock, long bytesPerSecond) {
        this.clock = clock;
        this.bytesPerNano = bytesPerSecond / 1e9;
        this.burst = bytesPerSecond;
        this.available = burst;
        this.last = clock.nanoTime();
    }

    public boolean unlimited() {
        return bytesPerNano <= 0;
    }

    /** Takes {@code bytes} from the bucket, waiting for the rate to allow them. Shared by all compaction threads. */
    public synchronized void acquire(long bytes) {
        if (unlimited()) {
            return;
        }
        refill();
        available -= bytes;
        while (available < 0) {
            LockSupport.parkNanos((long) (-available / bytesPerNano));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return;
            }
            refill();
        }
    }

    private void refill() {
        long now = clock.nanoTime();
        available = Math.min(burst, available + (now - last) * bytesPerNano);
        last = now;
    }
}
