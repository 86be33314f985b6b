package io.stratadb.node.config;

import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CompactionStrategyKind;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a node is configured with. Immutable; built in code with {@link #builder()} (tests build
 * three in one JVM with port 0 and temporary directories) or read from {@code strata.yaml} by
 * {@link YamlConfigLoader}. Defaults live in {@link NodeConfigBuilder}'s field initialisers and nowhere
 * else; {@link Settings} maps each YAML key to its builder method and getter.
 */
public final class NodeConfig {

    private static final long MIB = 1024L * 1024L;

    private final String clusterName;
    private final String listenAddress;
    private final String broadcastAddress;
    private final int clientPort;
    private final int internodePort;
    private final List<String> seeds;
    private final String datacenter;
    private final String rack;
    private final int numTokens;
    private final Path dataDirectory;
    private final Path commitLogDirectory;
    private final SyncMode commitLogSync;
    private final int commitLogGroupWindowMs;
    private final int commitLogPeriodicSyncMs;
    private final int commitLogSegmentSizeMb;
    private final CommitLogCorruptionPolicy commitLogCorruptionPolicy;
    private final int memtableFlushThresholdMb;
    private final int blockCacheMb;
    private final int indexCacheMb;
    private final CompactionStrategyKind compactionStrategy;
    private final int compactionThroughputMbPerSec;
    private final int concurrentCompactors;
    private final int gcGraceSeconds;
    private final int maxValueSizeKb;
    private final int maxFrameSizeMb;
    private final int readTimeoutMs;
    private final int writeTimeoutMs;
    private final int maxInFlightPerConnection;
    private final int maxInFlightTotal;
    private final int concurrentReads;
    private final int readQueueSize;
    private final int clientEventLoopThreads;
    private final boolean useEpoll;
    private final int maxScanPageRows;
    private final int shutdownTimeoutMs;
    private final int hintedHandoffThrottleKb;
    private final int maxHintWindowMs;
    private final boolean hintedHandoffEnabled;
    private final int ringDelayMs;
    private final int phiConvictThreshold;
    private final int gossipIntervalMs;

    NodeConfig(NodeConfigBuilder b) {
        this.clusterName = b.clusterName;
        this.listenAddress = b.listenAddress;
        this.broadcastAddress = b.broadcastAddress;
        this.clientPort = b.clientPort;
        this.internodePort = b.internodePort;
        this.seeds = List.copyOf(b.seeds);
        this.datacenter = b.datacenter;
        this.rack = b.rack;
        this.numTokens = b.numTokens;
        this.dataDirectory = b.dataDirectory;
        this.commitLogDirectory = b.commitLogDirectory != null ? b.commitLogDirectory : b.dataDirectory.resolve("commitlog");
        this.commitLogSync = b.commitLogSync;
        this.commitLogGroupWindowMs = b.commitLogGroupWindowMs;
        this.commitLogPeriodicSyncMs = b.commitLogPeriodicSyncMs;
        this.commitLogSegmentSizeMb = b.commitLogSegmentSizeMb;
        this.commitLogCorruptionPolicy = b.commitLogCorruptionPolicy;
        this.memtableFlushThresholdMb = b.memtableFlushThresholdMb;
        this.blockCacheMb = b.blockCacheMb;
        this.indexCacheMb = b.indexCacheMb;
        this.compactionStrategy = b.compactionStrategy;
        this.compactionThroughputMbPerSec = b.compactionThroughputMbPerSec;
        this.concurrentCompactors = b.concurrentCompactors;
        this.gcGraceSeconds = b.gcGraceSeconds;
        this.maxValueSizeKb = b.maxValueSizeKb;
        this.maxFrameSizeMb = b.maxFrameSizeMb;
        this.readTimeoutMs = b.readTimeoutMs;
        this.writeTimeoutMs = b.writeTimeoutMs;
        this.maxInFlightPerConnection = b.maxInFlightPerConnection;
        this.maxInFlightTotal = b.maxInFlightTotal;
        this.concurrentReads = b.concurrentReads;
        this.readQueueSize = b.readQueueSize;
        this.clientEventLoopThreads = b.clientEventLoopThreads;
        this.useEpoll = b.useEpoll;
        this.maxScanPageRows = b.maxScanPageRows;
        this.shutdownTimeoutMs = b.shutdownTimeoutMs;
        this.hintedHandoffThrottleKb = b.hintedHandoffThrottleKb;
        this.maxHintWindowMs = b.maxHintWindowMs;
        this.hintedHandoffEnabled = b.hintedHandoffEnabled;
        this.ringDelayMs = b.ringDelayMs;
        this.phiConvictThreshold = b.phiConvictThreshold;
        this.gossipIntervalMs = b.gossipIntervalMs;
    }

    /** A builder holding every default. */
    public static NodeConfigBuilder builder() {
        return new NodeConfigBuilder();
    }

    /** A builder starting from this configuration (tests tweak one setting of a base config). */
    public NodeConfigBuilder toBuilder() {
        return new NodeConfigBuilder(this);
    }

    /** The storage engine's configuration derived from this one. */
    public StorageConfig storageConfig() {
        return StorageConfig.builder(storageDirectory())
                .commitLogDirectory(commitLogDirectory)
                .syncMode(commitLogSync)
                .groupWindow(Duration.ofMillis(commitLogGroupWindowMs))
                .periodicSyncInterval(Duration.ofMillis(commitLogPeriodicSyncMs))
                .segmentSize((int) (commitLogSegmentSizeMb * MIB))
                .corruptionPolicy(commitLogCorruptionPolicy)
                .memtableFlushThreshold(memtableFlushThresholdMb * MIB)
                .blockCacheBytes(blockCacheMb * MIB)
                .indexCacheBytes(indexCacheMb * MIB)
                .compactionStrategy(compactionStrategy)
                .compactionThroughputMiBPerSec(compactionThroughputMbPerSec)
                .compactionThreads(concurrentCompactors)
                .gcGraceSeconds(gcGraceSeconds)
                .maxValueSize(maxValueSizeBytes())
                .build();
    }

    /** Every setting by its YAML key with its effective value, in documentation order (logged at start). */
    public Map<String, String> effectiveSettings() {
        return Settings.describe(this);
    }

    /** Where the storage engine keeps its manifest and tables: {@code <data_directory>/data}. */
    public Path storageDirectory() {
        return dataDirectory.resolve("data");
    }

    /** Where a node started in the background writes its logs: {@code <data_directory>/logs}. */
    public Path logDirectory() {
        return dataDirectory.resolve("logs");
    }

    public int maxValueSizeBytes() {
        return (int) (maxValueSizeKb * 1024L);
    }

    public int maxFrameSizeBytes() {
        return (int) (maxFrameSizeMb * MIB);
    }

    /** The address advertised to clients (TOPOLOGY) and, later, to peers. */
    public String broadcastAddress() {
        return broadcastAddress != null ? broadcastAddress : listenAddress;
    }

    public String clusterName() { return clusterName; }
    public String listenAddress() { return listenAddress; }
    /** The broadcast_address setting as given (null: use listen_address). */
    public String broadcastAddressSetting() { return broadcastAddress; }
    /** 0 binds any free port; {@code StrataNode.clientAddress()} tells which. */
    public int clientPort() { return clientPort; }
    public int internodePort() { return internodePort; }
    /** {@code host} or {@code host:port} entries; empty means a cluster of this node alone. */
    public List<String> seeds() { return seeds; }
    public String datacenter() { return datacenter; }
    public String rack() { return rack; }
    public int numTokens() { return numTokens; }
    public Path dataDirectory() { return dataDirectory; }
    public Path commitLogDirectory() { return commitLogDirectory; }
    public SyncMode commitLogSync() { return commitLogSync; }
    public int commitLogGroupWindowMs() { return commitLogGroupWindowMs; }
    public int commitLogPeriodicSyncMs() { return commitLogPeriodicSyncMs; }
    public int commitLogSegmentSizeMb() { return commitLogSegmentSizeMb; }
    public CommitLogCorruptionPolicy commitLogCorruptionPolicy() { return commitLogCorruptionPolicy; }
    public int memtableFlushThresholdMb() { return memtableFlushThresholdMb; }
    public int blockCacheMb() { return blockCacheMb; }
    public int indexCacheMb() { return indexCacheMb; }
    public CompactionStrategyKind compactionStrategy() { return compactionStrategy; }
    public int compactionThroughputMbPerSec() { return compactionThroughputMbPerSec; }
    public int concurrentCompactors() { return concurrentCompactors; }
    public int gcGraceSeconds() { return gcGraceSeconds; }
    public int maxValueSizeKb() { return maxValueSizeKb; }
    public int maxFrameSizeMb() { return maxFrameSizeMb; }
    public int readTimeoutMs() { return readTimeoutMs; }
    public int writeTimeoutMs() { return writeTimeoutMs; }
    public int maxInFlightPerConnection() { return maxInFlightPerConnection; }
    public int maxInFlightTotal() { return maxInFlightTotal; }
    /** Threads of the read stage (reads may touch disk, so they never run on an event loop). */
    public int concurrentReads() { return concurrentReads; }
    /** Reads waiting for a read-stage thread; past this a read is answered OVERLOADED. */
    public int readQueueSize() { return readQueueSize; }
    /** 0: one event loop per core. */
    public int clientEventLoopThreads() { return clientEventLoopThreads; }
    public boolean useEpoll() { return useEpoll; }
    public int maxScanPageRows() { return maxScanPageRows; }
    public int shutdownTimeoutMs() { return shutdownTimeoutMs; }
    /** Hint replay rate limit, KiB per second, for the whole node. */
    public int hintedHandoffThrottleKb() { return hintedHandoffThrottleKb; }
    /** A replica down longer than this gets no new hints; older hints are dropped. */
    public int maxHintWindowMs() { return maxHintWindowMs; }
    /** Whether writes for down or slow replicas are kept as hints and replayed. */
    public boolean hintedHandoffEnabled() { return hintedHandoffEnabled; }
    /** How long a new node waits to hear the ring from a seed before it picks its tokens. */
    public int ringDelayMs() { return ringDelayMs; }
    /** Phi above which a silent peer is marked down (about 18 s of silence at 8 with 1 s gossip). */
    public int phiConvictThreshold() { return phiConvictThreshold; }
    /** How often this node gossips; the failure detector's timings derive from it. */
    public int gossipIntervalMs() { return gossipIntervalMs; }

    @Override
    public String toString() {
        return "NodeConfig" + effectiveSettings();
    }
}
