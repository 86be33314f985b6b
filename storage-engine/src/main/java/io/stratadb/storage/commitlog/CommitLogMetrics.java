package io.stratadb.storage.commitlog;

import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.stratadb.storage.Clock;
import java.util.function.IntSupplier;

/**
 * The commit log's metrics, all named {@code commitlog.*}. Rates and decaying reservoirs read the
 * injected {@link Clock}, not the library's own, so tests that move time see consistent numbers.
 *
 * <p>Meters, timers and histograms are get-or-create, so a log reopened on the same registry keeps
 * adding to them. Gauges read the live log, so opening one replaces any left by a previous log, and
 * {@link #unregister} removes them only if they are still this log's.
 */
final class CommitLogMetrics {

    static final String PENDING_ENTRIES = "commitlog.pending-entries";
    static final String BYTES_WRITTEN = "commitlog.bytes-written";
    static final String SYNC_LATENCY = "commitlog.sync-latency";
    static final String BATCH_SIZE = "commitlog.batch-size";
    static final String ACTIVE_SEGMENTS = "commitlog.active-segments";

    private final MetricRegistry registry;
    private final Meter bytesWritten;
    private final Timer syncLatency;
    private final Histogram batchSize;
    private final Gauge<Integer> pendingEntries;
    private final Gauge<Integer> activeSegments;

    /**
     * @param pendingEntries requests queued and not yet taken by the writer
     * @param activeSegments segment files the log holds (replayed or written, not yet discarded)
     */
    CommitLogMetrics(MetricRegistry registry, Clock clock, IntSupplier pendingEntries, IntSupplier activeSegments) {
        this.registry = registry;
        com.codahale.metrics.Clock ticks = new com.codahale.metrics.Clock() {
            @Override
            public long getTick() {
                return clock.nanoTime();
            }

            @Override
            public long getTime() {
                return clock.currentTimeMicros() / 1000;
            }
        };
        this.bytesWritten = registry.meter(BYTES_WRITTEN, () -> new Meter(ticks));
        this.syncLatency = registry.timer(SYNC_LATENCY,
                () -> new Timer(new ExponentiallyDecayingReservoir(1028, 0.015, ticks), ticks));
        this.batchSize = registry.histogram(BATCH_SIZE,
                () -> new Histogram(new ExponentiallyDecayingReservoir(1028, 0.015, ticks)));
        this.pendingEntries = pendingEntries::getAsInt;
        this.activeSegments = activeSegments::getAsInt;
        replaceGauge(PENDING_ENTRIES, this.pendingEntries);
        replaceGauge(ACTIVE_SEGMENTS, this.activeSegments);
    }

    /** Bytes handed to the file system (framing included). */
    Meter bytesWritten() {
        return bytesWritten;
    }

    /** Duration of each fsync of a segment. */
    Timer syncLatency() {
        return syncLatency;
    }

    /** Entries per batch: per fsync in GROUP mode, per drain of the queue in PERIODIC mode. */
    Histogram batchSize() {
        return batchSize;
    }

    void unregister() {
        removeIfOurs(PENDING_ENTRIES, pendingEntries);
        removeIfOurs(ACTIVE_SEGMENTS, activeSegments);
    }

    private void replaceGauge(String name, Gauge<Integer> gauge) {
        registry.remove(name);
        registry.register(name, gauge);
    }

    private void removeIfOurs(String name, Gauge<Integer> gauge) {
        if (registry.getGauges().get(name) == gauge) {
            registry.remove(name);
        }
    }
}
