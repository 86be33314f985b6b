package io.stratadb.storage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Every tunable of the storage engine, with its default, in one place. Immutable; build with
 * {@link #builder(Path)}.
 */
public final class StorageConfig {

    /** Largest value accepted; larger writes fail with {@link InvalidRequestException}. */
    public static final int MAX_VALUE_SIZE_LIMIT = 16 << 20;
    /** Largest key accepted. */
    public static final int MAX_KEY_SIZE = 64 << 10;

    private final Path dataDirectory;
    private final Path commitLogDirectory;
    private final SyncMode syncMode;
    private final Duration groupWindow;
    private final Duration periodicSyncInterval;
    private final int segmentSize;
    private final CommitLogCorruptionPolicy corruptionPolicy;
    private final long memtableFlushThreshold;
    private final int blockSize;
    private final boolean compression;
    private final double bloomFalsePositiveChance;
    private final long blockCacheBytes;
    private final long indexCacheBytes;
    private final CompactionStrategyKind compactionStrategy;
    private final int compactionThroughputMiBPerSec;
    private final int compactionThreads;
    private final long leveledSSTableSize;
    private final long sizeTieredMinSSTableSize;
    private final int gcGraceSeconds;
    private final int maxValueSize;

    private StorageConfig(Builder b) {
        this.dataDirectory = b.dataDirectory;
        this.commitLogDirectory = b.commitLogDirectory != null ? b.commitLogDirectory : b.dataDirectory.resolve("commitlog");
        this.syncMode = b.syncMode;
        this.groupWindow = b.groupWindow;
        this.periodicSyncInterval = b.periodicSyncInterval;
        this.segmentSize = b.segmentSize;
        this.corruptionPolicy = b.corruptionPolicy;
        this.memtableFlushThreshold = b.memtableFlushThreshold;
        this.blockSize = b.blockSize;
        this.compression = b.compression;
        this.bloomFalsePositiveChance = b.bloomFalsePositiveChance;
        this.blockCacheBytes = b.blockCacheBytes;
        this.indexCacheBytes = b.indexCacheBytes;
        this.compactionStrategy = b.compactionStrategy;
        this.compactionThroughputMiBPerSec = b.compactionThroughputMiBPerSec;
        this.compactionThreads = b.compactionThreads;
        this.leveledSSTableSize = b.leveledSSTableSize;
        this.sizeTieredMinSSTableSize = b.sizeTieredMinSSTableSize;
        this.gcGraceSeconds = b.gcGraceSeconds;
        this.maxValueSize = b.maxValueSize;
    }

    public static Builder builder(Path dataDirectory) {
        return new Builder(dataDirectory);
    }

    public Builder toBuilder() {
        Builder b = new Builder(dataDirectory);
        b.commitLogDirectory = commitLogDirectory;
        b.syncMode = syncMode;
        b.groupWindow = groupWindow;
        b.periodicSyncInterval = periodicSyncInterval;
        b.segmentSize = segmentSize;
        b.corruptionPolicy = corruptionPolicy;
        b.memtableFlushThreshold = memtableFlushThreshold;
        b.blockSize = blockSize;
        b.compression = compression;
        b.bloomFalsePositiveChance = bloomFalsePositiveChance;
        b.blockCacheBytes = blockCacheBytes;
        b.indexCacheBytes = indexCacheBytes;
        b.compactionStrategy = compactionStrategy;
        b.compactionThroughputMiBPerSec = compactionThroughputMiBPerSec;
        b.compactionThreads = compactionThreads;
        b.leveledSSTableSize = leveledSSTableSize;
        b.sizeTieredMinSSTableSize = sizeTieredMinSSTableSize;
        b.gcGraceSeconds = gcGraceSeconds;
        b.maxValueSize = maxValueSize;
        return b;
    }

    /** Where SSTables and the manifest live (one sub-directory per table). */
    public Path dataDirectory() { return dataDirectory; }
    /** Where commit-log segments live; defaults to {@code <data>/commitlog}. */
    public Path commitLogDirectory() { return commitLogDirectory; }
    public SyncMode syncMode() { return syncMode; }
    /** GROUP mode: how long the writer may wait for more entries before an fsync (0: fsync as soon as idle). */
    public Duration groupWindow() { return groupWindow; }
    /** PERIODIC mode: time between fsyncs. */
    public Duration periodicSyncInterval() { return periodicSyncInterval; }
    /** Bytes per commit-log segment file (preallocated). */
    public int segmentSize() { return segmentSize; }
    public CommitLogCorruptionPolicy corruptionPolicy() { return corruptionPolicy; }
    /** Memtable bytes (all tables together) that trigger a flush. */
    public long memtableFlushThreshold() { return memtableFlushThreshold; }
    /** Uncompressed target size of an SSTable data block. */
    public int blockSize() { return blockSize; }
    /** Whether SSTable blocks are LZ4-compressed. */
    public boolean compression() { return compression; }
    public double bloomFalsePositiveChance() { return bloomFalsePositiveChance; }
    public long blockCacheBytes() { return blockCacheBytes; }
    public long indexCacheBytes() { return indexCacheBytes; }
    public CompactionStrategyKind compactionStrategy() { return compactionStrategy; }
    /** 0 means unthrottled. */
    public int compactionThroughputMiBPerSec() { return compactionThroughputMiBPerSec; }
    public int compactionThreads() { return compactionThreads; }
    /** LEVELED: target size of each output SSTable. */
    public long leveledSSTableSize() { return leveledSSTableSize; }
    /** SIZE_TIERED: files below this size all share one bucket (Cassandra's min_sstable_size). */
    public long sizeTieredMinSSTableSize() { return sizeTieredMinSSTableSize; }
    /** Seconds a tombstone is kept before compaction may purge it. */
    public int gcGraceSeconds() { return gcGraceSeconds; }
    public int maxValueSize() { return maxValueSize; }

    @Override
    public String toString() {
        return "StorageConfig{data=" + dataDirectory + ", commitlog=" + commitLogDirectory
                + ", sync=" + syncMode + ", groupWindow=" + groupWindow + ", periodicSync=" + periodicSyncInterval
                + ", segmentSize=" + segmentSize + ", corruption=" + corruptionPolicy
                + ", memtableFlush=" + memtableFlushThreshold + ", blockSize=" + blockSize
                + ", compression=" + compression + ", bloomFp=" + bloomFalsePositiveChance
                + ", blockCache=" + blockCacheBytes + ", indexCache=" + indexCacheBytes
                + ", compaction=" + compactionStrategy + ", compactionMiBps=" + compactionThroughputMiBPerSec
                + ", compactionThreads=" + compactionThreads + ", leveledSize=" + leveledSSTableSize
                + ", stcsMinSize=" + sizeTieredMinSSTableSize
                + ", gcGrace=" + gcGraceSeconds + ", maxValue=" + maxValueSize + "}";
    }

    /** Defaults are the values in this builder's field initialisers. */
    public static final class Builder {
        private final Path dataDirectory;
        private Path commitLogDirectory;
        private SyncMode syncMode = SyncMode.GROUP;
        private Duration groupWindow = Duration.ZERO;
        private Duration periodicSyncInterval = Duration.ofMillis(100);
        private int segmentSize = 32 << 20;
        private CommitLogCorruptionPolicy corruptionPolicy = CommitLogCorruptionPolicy.STOP;
        private long memtableFlushThreshold = 64L << 20;
        private int blockSize = 16 << 10;
        private boolean compression = true;
        private double bloomFalsePositiveChance = 0.01;
        private long blockCacheBytes = 256L << 20;
        private long indexCacheBytes = 64L << 20;
        private CompactionStrategyKind compactionStrategy = CompactionStrategyKind.SIZE_TIERED;
        private int compactionThroughputMiBPerSec = 64;
        private int compactionThreads = 1;
        private long leveledSSTableSize = 64L << 20;
        private long sizeTieredMinSSTableSize = 50L << 20;
        private int gcGraceSeconds = 10 * 24 * 3600;
        private int maxValueSize = 1 << 20;

        private Builder(Path dataDirectory) {
            this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
        }

        public Builder commitLogDirectory(Path dir) { this.commitLogDirectory = dir; return this; }
        public Builder syncMode(SyncMode mode) { this.syncMode = Objects.requireNonNull(mode); return this; }
        public Builder groupWindow(Duration d) { this.groupWindow = nonNegative(d, "groupWindow"); return this; }
        public Builder periodicSyncInterval(Duration d) { this.periodicSyncInterval = positive(d, "periodicSyncInterval"); return this; }
        public Builder segmentSize(int bytes) { this.segmentSize = atLeast(bytes, 64 << 10, "segmentSize"); return this; }
        public Builder corruptionPolicy(CommitLogCorruptionPolicy p) { this.corruptionPolicy = Objects.requireNonNull(p); return this; }
        public Builder memtableFlushThreshold(long bytes) { this.memtableFlushThreshold = atLeast(bytes, 4 << 10, "memtableFlushThreshold"); return this; }
        public Builder blockSize(int bytes) { this.blockSize = (int) atLeast(bytes, 256, "blockSize"); return this; }
        public Builder compression(boolean on) { this.compression = on; return this; }
        public Builder bloomFalsePositiveChance(double p) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("bloomFalsePositiveChance must be in (0, 1), got " + p);
            }
            this.bloomFalsePositiveChance = p;
            return this;
        }
        public Builder blockCacheBytes(long bytes) { this.blockCacheBytes = atLeast(bytes, 0, "blockCacheBytes"); return this; }
        public Builder indexCacheBytes(long bytes) { this.indexCacheBytes = atLeast(bytes, 0, "indexCacheBytes"); return this; }
        public Builder compactionStrategy(CompactionStrategyKind k) { this.compactionStrategy = Objects.requireNonNull(k); return this; }
        public Builder compactionThroughputMiBPerSec(int mibps) { this.compactionThroughputMiBPerSec = (int) atLeast(mibps, 0, "compactionThroughputMiBPerSec"); return this; }
        public Builder compactionThreads(int n) { this.compactionThreads = (int) atLeast(n, 1, "compactionThreads"); return this; }
        public Builder leveledSSTableSize(long bytes) { this.leveledSSTableSize = atLeast(bytes, 4 << 10, "leveledSSTableSize"); return this; }
        public Builder sizeTieredMinSSTableSize(long bytes) { this.sizeTieredMinSSTableSize = atLeast(bytes, 0, "sizeTieredMinSSTableSize"); return this; }
        public Builder gcGraceSeconds(int s) { this.gcGraceSeconds = (int) atLeast(s, 0, "gcGraceSeconds"); return this; }
        public Builder maxValueSize(int bytes) {
            if (bytes < 1 || bytes > MAX_VALUE_SIZE_LIMIT) {
                throw new IllegalArgumentException("maxValueSize must be in [1, " + MAX_VALUE_SIZE_LIMIT + "], got " + bytes);
            }
            this.maxValueSize = bytes;
            return this;
        }

        public StorageConfig build() {
            if (segmentSize < maxValueSize + MAX_KEY_SIZE + 1024) {
                throw new IllegalArgumentException("segmentSize " + segmentSize
                        + " cannot hold one maximal entry (maxValueSize " + maxValueSize + " + key + framing)");
            }
            return new StorageConfig(this);
        }

        private static long atLeast(long v, long min, String name) {
            if (v < min) {
                throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
            }
            return v;
        }

        private static int atLeast(int v, int min, String name) {
            return (int) atLeast((long) v, (long) min, name);
        }

        private static Duration nonNegative(Duration d, String name) {
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }

        private static Duration positive(Duration d, String name) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + d);
            }
            return d;
        }
    }
}
