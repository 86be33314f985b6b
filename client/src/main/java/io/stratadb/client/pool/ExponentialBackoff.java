package io.stratadb.client.pool;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How long to wait before the next attempt to reconnect to a node: the base delay, doubled for each
 * attempt that failed in a row, capped at the maximum, then spread by up to ±{@value #JITTER_PERCENT}%
 * so that many clients that lost the same node do not all knock at the same instant.
 */
public final class ExponentialBackoff {
    static final int JITTER_PERCENT = 15;

    private final long baseNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    /**
     * @param random uniform in [0, 1); injected so tests get exact delays
     */
    public ExponentialBackoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max, not " + base + " and " + max);
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    /** The delay before the next attempt, after {@code failedAttempts} failures in a row (0 for the first). */
    public long delayNanos(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 0), 62);
        long delay = baseNanos > (maxNanos >> doublings) ? maxNanos : Math.min(maxNanos, baseNanos << doublings);
        double spread = 1 + (2 * random.getAsDouble() - 1) * JITTER_PERCENT / 100.0;
        return Math.max(1, (long) (delay * spread));
    }
}
