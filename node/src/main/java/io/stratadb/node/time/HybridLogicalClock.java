package io.stratadb.node.time;

import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.storage.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A hybrid logical clock in microseconds: each timestamp is {@code max(wall clock, last + 1)}, where
 * {@code last} is the largest timestamp this node has issued <em>or observed</em> from a peer. So
 * timestamps are strictly increasing per node, and a node whose wall clock is behind still stamps a new
 * write after every write it has seen, instead of making it lose to an older one (last write wins).
 *
 * <p>The clock runs ahead of the wall clock only by as much as the skew it has observed (plus one
 * microsecond per timestamp issued faster than the wall clock ticks), and catches up as soon as the wall
 * clock passes it. Timestamps are packed into a plain {@code long} of microseconds rather than the
 * paper's (physical, counter) pair, because {@link io.stratadb.storage.Cell} timestamps are microseconds:
 * the "logical" part is the +1.
 *
 * <p><b>Drift bound.</b> A remote timestamp more than {@code maxDriftMicros} ahead of the local wall
 * clock is <em>rejected</em>: {@link #observe} leaves the clock unchanged, counts it and logs it.
 * Rejecting rather than clamping to {@code now + maxDrift}, because such a timestamp means a peer's clock
 * (or a client's) is broken; clamping would still drag every node's clock forward by the full bound on
 * each such message and spread the damage, while the writes in question are still stored with their own
 * timestamps by the replica that received them. One bad peer can thus not poison the cluster's clocks.
 *
 * <p>Not persisted: after a restart the clock starts from the wall clock again. Lock-free (one CAS loop
 * on one {@link AtomicLong}).
 */
public final class HybridLogicalClock implements TimestampSource {

    private static final Logger LOG = LoggerFactory.getLogger(HybridLogicalClock.class);

    /** The default drift bound: 60 seconds. */
    public static final long DEFAULT_MAX_DRIFT_MICROS = 60_000_000L;

    private final Clock clock;
    private final long maxDriftMicros;
    private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong maxObservedSkewMicros = new AtomicLong();

    public HybridLogicalClock(Clock clock, long maxDriftMicros) {
        if (maxDriftMicros < 0) {
            throw new IllegalArgumentException("maxDriftMicros must be >= 0: " + maxDriftMicros);
        }
        this.clock = clock;
        this.maxDriftMicros = maxDriftMicros;
    }

    public HybridLogicalClock(Clock clock) {
        this(clock, DEFAULT_MAX_DRIFT_MICROS);
    }

    @Override
    public long nextTimestampMicros() {
        while (true) {
            long now = clock.currentTimeMicros();
            long prev = last.get();
            long next = now > prev ? now : prev + 1;
            if (last.compareAndSet(prev, next)) {
                return next;
            }
        }
    }

    /**
     * Takes in a timestamp seen from elsewhere (a mutation or response from a peer), so every timestamp
     * issued afterwards is greater than it.
     *
     * @return false if it was more than the drift bound ahead of the local wall clock and was ignored
     */
    public boolean observe(long remoteTimestampMicros) {
        long now = clock.currentTimeMicros();
        long skew = remoteTimestampMicros - now;
        if (skew > maxDriftMicros) {
            long count = rejected.incrementAndGet();
            // Log the first and then every power of two, so a peer with a broken clock cannot flood the log.
            if (Long.bitCount(count) == 1) {
                LOG.warn("Ignored a remote timestamp {} us ahead of the local clock (bound {} us); {} ignored so far",
                        skew, maxDriftMicros, count);
            }
            return false;
        }
        if (skew > 0) {
            maxObservedSkewMicros.accumulateAndGet(skew, Math::max);
        }
        last.accumulateAndGet(remoteTimestampMicros, Math::max);
        return true;
    }

    /** The largest timestamp issued or accepted so far, without issuing one. */
    public long lastTimestampMicros() {
        return last.get();
    }

    /** Remote timestamps ignored for being beyond the drift bound. */
    public long rejectedCount() {
        return rejected.get();
    }

    /** The largest amount by which an accepted remote timestamp was ahead of the local clock. */
    public long maxObservedSkewMicros() {
        return maxObservedSkewMicros.get();
    }

    public long maxDriftMicros() {
        return maxDriftMicros;
    }
}
