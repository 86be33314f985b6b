package io.stratadb.node.coordinator;

import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.Histogram;
import io.stratadb.storage.Clock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When a read should send one more request: once a replica has taken longer than the recent p99 of
 * replica reads. The p99 comes from a forward-decaying reservoir (recent samples weigh most) and is
 * recomputed at most once a second, not per read. Until {@link #MIN_SAMPLES} reads were seen there is no
 * p99 to trust and reads never speculate.
 */
public final class SpeculationThreshold {

    static final int MIN_SAMPLES = 100;
    private static final long REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Never speculate sooner: below this the extra load buys nothing a timer could even measure. */
    private static final long FLOOR_MILLIS = 1;

    private final Histogram latencies = new Histogram(new ExponentiallyDecayingReservoir());
    private final Clock clock;
    private final AtomicLong nextRefreshNanos;
    private volatile long thresholdMillis = -1;

    public SpeculationThreshold(Clock clock) {
        this.clock = clock;
        this.nextRefreshNanos = new AtomicLong(clock.nanoTime());
    }

    public void record(long latencyNanos) {
        latencies.update(latencyNanos);
    }

    /** Milliseconds after which to speculate, or -1 for "do not speculate". */
    public long thresholdMillis() {
        long now = clock.nanoTime();
        long next = nextRefreshNanos.get();
        if (now - next >= 0 && nextRefreshNanos.compareAndSet(next, now + REFRESH_NANOS)) {
            if (latencies.getCount() >= MIN_SAMPLES) {
                double p99 = latencies.getSnapshot().get99thPercentile();
                thresholdMillis = Math.max(FLOOR_MILLIS, (long) Math.ceil(p99 / 1_000_000.0));
            }
        }
        return thresholdMillis;
    }

    Clock clock() {
        return clock;
    }
}
