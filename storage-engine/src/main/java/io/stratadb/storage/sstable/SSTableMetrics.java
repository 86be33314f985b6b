package io.stratadb.storage.sstable;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;

/**
 * The counters every SSTable reader of one engine adds to, registered in the engine's registry.
 * Counters are striped adders, cheap enough for the get path.
 */
public final class SSTableMetrics {

    private final Counter bloomNegatives;
    private final Counter bloomFalsePositives;
    private final Counter dataBlocksReadFromDisk;
    private final Counter bytesReadFromDisk;
    private final Counter corruptions;

    public SSTableMetrics(MetricRegistry registry) {
        this.bloomNegatives = registry.counter("sstable.bloom.negatives");
        this.bloomFalsePositives = registry.counter("sstable.bloom.false-positives");
        this.dataBlocksReadFromDisk = registry.counter("sstable.data-blocks.read-from-disk");
        this.bytesReadFromDisk = registry.counter("sstable.bytes.read-from-disk");
        this.corruptions = registry.counter("sstable.corruptions");
    }

    /** Gets the bloom filter answered alone (the key is certainly absent). */
    public long bloomNegatives() {
        return bloomNegatives.getCount();
    }

    /** Gets the bloom filter let through for a key the table does not hold. */
    public long bloomFalsePositives() {
        return bloomFalsePositives.getCount();
    }

    /** Data blocks read from the file (cache misses, uncached scans and verification excluded). */
    public long dataBlocksReadFromDisk() {
        return dataBlocksReadFromDisk.getCount();
    }

    /** Stored bytes (payload and trailer) of every block read from a file, meta blocks included. */
    public long bytesReadFromDisk() {
        return bytesReadFromDisk.getCount();
    }

    /** Corruptions detected (each failed open, read or verify counts once). */
    public long corruptions() {
        return corruptions.getCount();
    }

    void bloomNegative() {
        bloomNegatives.inc();
    }

    void bloomFalsePositive() {
        bloomFalsePositives.inc();
    }

    void dataBlockRead(long storedBytes) {
        dataBlocksReadFromDisk.inc();
        bytesReadFromDisk.inc(storedBytes);
    }

    void metaBlockRead(long storedBytes) {
        bytesReadFromDisk.inc(storedBytes);
    }

    void corruption() {
        corruptions.inc();
    }
}
