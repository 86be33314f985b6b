package io.stratadb.bench.storage;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.engine.StorageEngine;
import io.stratadb.storage.io.LocalFileSystem;

import java.util.function.UnaryOperator;

/**
 * A storage engine opened on the real file system in a {@link ScratchDirectory}, with its own metric
 * registry so benchmarks can check what the engine did (SSTable count, memtable bytes, cache hits).
 * {@link #close} closes the engine and deletes the directory.
 */
final class EngineFixture implements AutoCloseable {

    static final String TABLE = "bench";

    private final ScratchDirectory dir;
    private final StorageEngine engine;
    private final MetricRegistry registry;

    private EngineFixture(ScratchDirectory dir, StorageEngine engine, MetricRegistry registry) {
        this.dir = dir;
        this.engine = engine;
        this.registry = registry;
    }

    /** Opens an engine in a new scratch directory; {@code tuning} adjusts the default configuration. */
    static EngineFixture open(String prefix, UnaryOperator<StorageConfig.Builder> tuning) {
        return openIn(ScratchDirectory.create(prefix), tuning);
    }

    /** Opens an engine on an existing directory (which the fixture then owns and deletes). */
    static EngineFixture openIn(ScratchDirectory dir, UnaryOperator<StorageConfig.Builder> tuning) {
        try {
            StorageConfig config = tuning.apply(StorageConfig.builder(dir.path())).build();
            MetricRegistry registry = new MetricRegistry();
            StorageEngine engine = StorageEngine.open(config, new LocalFileSystem(), Clock.system(), registry);
            return new EngineFixture(dir, engine, registry);
        } catch (RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    StorageEngine engine() {
        return engine;
    }

    ScratchDirectory directory() {
        return dir;
    }

    /** A numeric gauge of the engine (names in docs/storage-engine.md, "Metrics"). */
    double gauge(String name) {
        Gauge<?> g = registry.getGauges().get(name);
        if (g == null) {
            throw new IllegalArgumentException("no gauge " + name + "; have " + registry.getGauges().keySet());
        }
        return ((Number) g.getValue()).doubleValue();
    }

    long counter(String name) {
        return registry.counter(name).getCount();
    }

    long sstableCount() {
        return (long) gauge("storage.sstable.count");
    }

    long sstableBytes() {
        return (long) gauge("storage.sstable.bytes");
    }

    long memtableBytes() {
        return (long) gauge("storage.memtable.bytes");
    }

    /** One line about what the store holds, for the benchmark's log. */
    String describe() {
        return String.format("%d SSTables, %.1f MB on disk, memtables %.1f MB, block cache %.1f MB (hit rate %.4f)",
                sstableCount(), sstableBytes() / 1e6, memtableBytes() / 1e6,
                gauge("cache.block.size-bytes") / 1e6, gauge("cache.block.hit-rate"));
    }

    /** Commit-log fsync latency and entries per batch (recent-biased reservoirs), and put latency. */
    String describeWrites() {
        Snapshot sync = registry.timer("commitlog.sync-latency").getSnapshot();
        Snapshot batch = registry.histogram("commitlog.batch-size").getSnapshot();
        Snapshot put = registry.timer("storage.write").getSnapshot();
        return String.format("fsyncs %d, fsync latency mean %.0f us p50 %.0f us p99 %.0f us;"
                        + " entries per batch mean %.1f p50 %.0f max %d; put latency p50 %.1f us p99 %.1f us",
                registry.timer("commitlog.sync-latency").getCount(),
                sync.getMean() / 1e3, sync.getMedian() / 1e3, sync.get99thPercentile() / 1e3,
                batch.getMean(), batch.getMedian(), batch.getMax(),
                put.getMedian() / 1e3, put.get99thPercentile() / 1e3);
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            dir.close();
        }
    }
}
