package io.stratadb.storage.engine;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;

import java.util.List;
import java.util.function.Supplier;

/**
 * The engine's metrics, registered in the node's own registry (never a global one). Timers use the
 * lock-free reservoir: the default one takes a lock per update, which hundreds of thousands of writes
 * per second would contend on.
 */
public final class EngineMetrics {

    final Timer writes;
    final Timer reads;
    final Timer flushes;
    final Meter bytesFlushed;
    final Meter bytesCompacted;
    final Counter compactionsCompleted;
    final Counter quarantined;
    private final MetricRegistry registry;

    EngineMetrics(MetricRegistry registry) {
        this.registry = registry;
        this.writes = timer("storage.write");
        this.reads = timer("storage.read");
        this.flushes = timer("storage.flush");
        this.bytesFlushed = registry.meter("storage.flush.bytes");
        this.bytesCompacted = registry.meter("compaction.bytes-compacted");
        this.compactionsCompleted = registry.counter("compaction.completed");
        this.quarantined = registry.counter("storage.sstable.quarantined");
    }

    private Timer timer(String name) {
        return registry.timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }

    void bindView(Supplier<EngineView> view, Supplier<Integer> pendingCompactions) {
        gauge("storage.memtable.bytes", () -> {
            long total = 0;
            for (var g : view.get().memtables()) {
                total += g.bytes();
            }
            return total;
        });
        gauge("storage.memtable.pending-flushes", () -> (long) view.get().flushing.size());
        gauge("storage.sstable.count", () -> {
            long n = 0;
            for (List<?> l : view.get().allSSTables().values()) {
                n += l.size();
            }
            return n;
        });
        gauge("storage.sstable.bytes", () -> {
            long n = 0;
            for (var l : view.get().allSSTables().values()) {
                for (var r : l) {
                    n += r.sizeOnDisk();
                }
            }
            return n;
        });
        gauge("compaction.pending", () -> (long) pendingCompactions.get());
    }

    /** Bytes in live SSTables plus memtables: what a node reports as its load. */
    public long loadBytes() {
        return gaugeValue("storage.sstable.bytes") + gaugeValue("storage.memtable.bytes");
    }

    private long gaugeValue(String name) {
        Gauge<?> g = registry.getGauges().get(name);
        return g != null && g.getValue() instanceof Long v ? v : 0;
    }

    private void gauge(String name, Gauge<Long> g) {
        registry.gauge(name, () -> g);
    }

    public MetricRegistry registry() {
        return registry;
    }

    public Timer writes() {
        return writes;
    }

    public Timer reads() {
        return reads;
    }
}
