package io.stratadb.node.config;

import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CompactionStrategyKind;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link NodeConfig}. <b>The field initialisers below are the defaults</b>, the one place they
 * are written down (docs/operations.md repeats them for people). Each setter checks its own range and
 * {@link #build()} the rules that tie settings together; failures are {@link ConfigException}s naming the
 * {@code strata.yaml} key.
 */
public final class NodeConfigBuilder {

    /** Keys and values must fit the storage engine, frames must fit a value; these keep them apart. */
    static final int FRAME_OVERHEAD_BYTES = 128 * 1024;

    String clusterName = "Strata Cluster";
    String listenAddress = "127.0.0.1";
    String broadcastAddress = null;
    int clientPort = 9470;
    int internodePort = 9471;
    List<String> seeds = List.of();
    String datacenter = "dc1";
    String rack = "rack1";
    int numTokens = 16;
    Path dataDirectory = Path.of("data");
    Path commitLogDirectory = null;
    SyncMode commitLogSync = SyncMode.GROUP;
    int commitLogGroupWindowMs = 0;
    int commitLogPeriodicSyncMs = 100;
    int commitLogSegmentSizeMb = 32;
    CommitLogCorruptionPolicy commitLogCorruptionPolicy = CommitLogCorruptionPolicy.STOP;
    int memtableFlushThresholdMb = 64;
    int blockCacheMb = 256;
    int indexCacheMb = 64;
    CompactionStrategyKind compactionStrategy = CompactionStrategyKind.SIZE_TIERED;
    int compactionThroughputMbPerSec = 64;
    int concurrentCompactors = 1;
    int gcGraceSeconds = 10 * 24 * 3600;
    int maxValueSizeKb = 1024;
    int maxFrameSizeMb = 16;
    int readTimeoutMs = 5000;
    int writeTimeoutMs = 2000;
    int maxInFlightPerConnection = 1024;
    int maxInFlightTotal = 16384;
    int concurrentReads = 8;
    int readQueueSize = 4096;
    int clientEventLoopThreads = 0;
    boolean useEpoll = true;
    int maxScanPageRows = 10_000;
    int shutdownTimeoutMs = 10_000;
    int hintedHandoffThrottleKb = 1024;
    int maxHintWindowMs = 10_800_000;
    boolean hintedHandoffEnabled = true;
    int ringDelayMs = 10_000;
    int phiConvictThreshold = 8;
    int gossipIntervalMs = 1000;

    NodeConfigBuilder() {
    }

    NodeConfigBuilder(NodeConfig c) {
        clusterName = c.clusterName();
        listenAddress = c.listenAddress();
        broadcastAddress = c.broadcastAddressSetting();
        clientPort = c.clientPort();
        internodePort = c.internodePort();
        seeds = c.seeds();
        datacenter = c.datacenter();
        rack = c.rack();
        numTokens = c.numTokens();
        dataDirectory = c.dataDirectory();
        commitLogDirectory = c.commitLogDirectory();
        commitLogSync = c.commitLogSync();
        commitLogGroupWindowMs = c.commitLogGroupWindowMs();
        commitLogPeriodicSyncMs = c.commitLogPeriodicSyncMs();
        commitLogSegmentSizeMb = c.commitLogSegmentSizeMb();
        commitLogCorruptionPolicy = c.commitLogCorruptionPolicy();
        memtableFlushThresholdMb = c.memtableFlushThresholdMb();
        blockCacheMb = c.blockCacheMb();
        indexCacheMb = c.indexCacheMb();
        compactionStrategy = c.compactionStrategy();
        compactionThroughputMbPerSec = c.compactionThroughputMbPerSec();
        concurrentCompactors = c.concurrentCompactors();
        gcGraceSeconds = c.gcGraceSeconds();
        maxValueSizeKb = c.maxValueSizeKb();
        maxFrameSizeMb = c.maxFrameSizeMb();
        readTimeoutMs = c.readTimeoutMs();
        writeTimeoutMs = c.writeTimeoutMs();
        maxInFlightPerConnection = c.maxInFlightPerConnection();
        maxInFlightTotal = c.maxInFlightTotal();
        concurrentReads = c.concurrentReads();
        readQueueSize = c.readQueueSize();
        clientEventLoopThreads = c.clientEventLoopThreads();
        useEpoll = c.useEpoll();
        maxScanPageRows = c.maxScanPageRows();
        shutdownTimeoutMs = c.shutdownTimeoutMs();
        hintedHandoffThrottleKb = c.hintedHandoffThrottleKb();
        maxHintWindowMs = c.maxHintWindowMs();
        hintedHandoffEnabled = c.hintedHandoffEnabled();
        ringDelayMs = c.ringDelayMs();
        phiConvictThreshold = c.phiConvictThreshold();
        gossipIntervalMs = c.gossipIntervalMs();
    }

    public NodeConfigBuilder clusterName(String v) { clusterName = nonBlank("cluster_name", v); return this; }
    public NodeConfigBuilder listenAddress(String v) { listenAddress = nonBlank("listen_address", v); return this; }
    /** Null: advertise listen_address. */
    public NodeConfigBuilder broadcastAddress(String v) {
        broadcastAddress = v == null ? null : nonBlank("broadcast_address", v);
        return this;
    }
    public NodeConfigBuilder clientPort(int v) { clientPort = range("client_port", v, 0, 65535); return this; }
    public NodeConfigBuilder internodePort(int v) { internodePort = range("internode_port", v, 0, 65535); return this; }

    public NodeConfigBuilder seeds(List<String> v) {
        Objects.requireNonNull(v, "seeds");
        List<String> checked = new ArrayList<>();
        for (String seed : v) {
            checked.add(checkSeed(seed));
        }
        seeds = List.copyOf(checked);
        return this;
    }

    public NodeConfigBuilder datacenter(String v) { datacenter = nonBlank("datacenter", v); return this; }
    public NodeConfigBuilder rack(String v) { rack = nonBlank("rack", v); return this; }
    public NodeConfigBuilder numTokens(int v) { numTokens = range("num_tokens", v, 1, 1024); return this; }
    public NodeConfigBuilder dataDirectory(Path v) { dataDirectory = Objects.requireNonNull(v, "data_directory"); return this; }
    /** Null: {@code <data_directory>/commitlog}. */
    public NodeConfigBuilder commitLogDirectory(Path v) { commitLogDirectory = v; return this; }
    public NodeConfigBuilder commitLogSync(SyncMode v) { commitLogSync = Objects.requireNonNull(v, "commitlog_sync"); return this; }
    public NodeConfigBuilder commitLogGroupWindowMs(int v) { commitLogGroupWindowMs = range("commitlog_group_window_ms", v, 0, 1000); return this; }
    public NodeConfigBuilder commitLogPeriodicSyncMs(int v) { commitLogPeriodicSyncMs = range("commitlog_periodic_sync_ms", v, 1, 60_000); return this; }
    public NodeConfigBuilder commitLogSegmentSizeMb(int v) { commitLogSegmentSizeMb = range("commitlog_segment_size_mb", v, 1, 1024); return this; }
    public NodeConfigBuilder commitLogCorruptionPolicy(CommitLogCorruptionPolicy v) {
        commitLogCorruptionPolicy = Objects.requireNonNull(v, "commitlog_corruption_policy");
        return this;
    }
    public NodeConfigBuilder memtableFlushThresholdMb(int v) { memtableFlushThresholdMb = range("memtable_flush_threshold_mb", v, 1, 65536); return this; }
    public NodeConfigBuilder blockCacheMb(int v) { blockCacheMb = range("block_cache_mb", v, 0, 1 << 20); return this; }
    public NodeConfigBuilder indexCacheMb(int v) { indexCacheMb = range("index_cache_mb", v, 0, 1 << 20); return this; }
    public NodeConfigBuilder compactionStrategy(CompactionStrategyKind v) { compactionStrategy = Objects.requireNonNull(v, "compaction_strategy"); return this; }
    public NodeConfigBuilder compactionThroughputMbPerSec(int v) { compactionThroughputMbPerSec = range("compaction_throughput_mb_per_sec", v, 0, 1 << 20); return this; }
    public NodeConfigBuilder concurrentCompactors(int v) { concurrentCompactors = range("concurrent_compactors", v, 1, 64); return this; }
    public NodeConfigBuilder gcGraceSeconds(int v) { gcGraceSeconds = range("gc_grace_seconds", v, 0, Integer.MAX_VALUE); return this; }
    public NodeConfigBuilder maxValueSizeKb(int v) { maxValueSizeKb = range("max_value_size_kb", v, 1, StorageConfig.MAX_VALUE_SIZE_LIMIT / 1024); return this; }
    public NodeConfigBuilder maxFrameSizeMb(int v) { maxFrameSizeMb = range("max_frame_size_mb", v, 1, 256); return this; }
    public NodeConfigBuilder readTimeoutMs(int v) { readTimeoutMs = range("read_timeout_ms", v, 1, 3_600_000); return this; }
    public NodeConfigBuilder writeTimeoutMs(int v) { writeTimeoutMs = range("write_timeout_ms", v, 1, 3_600_000); return this; }
    public NodeConfigBuilder maxInFlightPerConnection(int v) { maxInFlightPerConnection = range("max_in_flight_per_connection", v, 1, 65536); return this; }
    public NodeConfigBuilder maxInFlightTotal(int v) { maxInFlightTotal = range("max_in_flight_total", v, 1, 1 << 24); return this; }
    public NodeConfigBuilder concurrentReads(int v) { concurrentReads = range("concurrent_reads", v, 1, 1024); return this; }
    public NodeConfigBuilder readQueueSize(int v) { readQueueSize = range("read_queue_size", v, 1, 1 << 24); return this; }
    public NodeConfigBuilder clientEventLoopThreads(int v) { clientEventLoopThreads = range("client_event_loop_threads", v, 0, 1024); return this; }
    public NodeConfigBuilder useEpoll(boolean v) { useEpoll = v; return this; }
    public NodeConfigBuilder maxScanPageRows(int v) { maxScanPageRows = range("max_scan_page_rows", v, 1, 1 << 20); return this; }
    public NodeConfigBuilder shutdownTimeoutMs(int v) { shutdownTimeoutMs = range("shutdown_timeout_ms", v, 0, 3_600_000); return this; }

    public NodeConfigBuilder gossipIntervalMs(int v) { gossipIntervalMs = range("gossip_interval_ms", v, 10, 60_000); return this; }
    public NodeConfigBuilder phiConvictThreshold(int v) { phiConvictThreshold = range("phi_convict_threshold", v, 1, 100); return this; }
    public NodeConfigBuilder ringDelayMs(int v) { ringDelayMs = range("ring_delay_ms", v, 0, 600_000); return this; }
    public NodeConfigBuilder hintedHandoffEnabled(boolean v) { hintedHandoffEnabled = v; return this; }
    public NodeConfigBuilder maxHintWindowMs(int v) { maxHintWindowMs = range("max_hint_window_ms", v, 0, Integer.MAX_VALUE); return this; }
    public NodeConfigBuilder hintedHandoffThrottleKb(int v) { hintedHandoffThrottleKb = range("hinted_handoff_throttle_kb", v, 1, 1 << 20); return this; }
    /**
     * Makes relative directories (given or defaulted) relative to {@code base}, so a node's files do not
     * depend on the directory it was started from.
     */
    NodeConfigBuilder resolvePathsAgainst(Path base) {
        dataDirectory = base.resolve(dataDirectory).normalize();
        if (commitLogDirectory != null) {
            commitLogDirectory = base.resolve(commitLogDirectory).normalize();
        }
        return this;
    }

    /** Checks the rules that involve several settings, then builds. */
    public NodeConfig build() {
        long maxValue = maxValueSizeKb * 1024L;
        long maxFrame = maxFrameSizeMb * 1024L * 1024L;
        if (maxValue + FRAME_OVERHEAD_BYTES > maxFrame) {
            throw new ConfigException("max_value_size_kb", maxValueSizeKb + " KiB does not fit max_frame_size_mb "
                    + maxFrameSizeMb + " with room for the key and the frame (128 KiB)");
        }
        long segment = commitLogSegmentSizeMb * 1024L * 1024L;
        if (segment < maxValue + StorageConfig.MAX_KEY_SIZE + 1024) {
            throw new ConfigException("commitlog_segment_size_mb", commitLogSegmentSizeMb
                    + " MiB cannot hold one maximal entry (max_value_size_kb " + maxValueSizeKb + " plus a 64 KiB key)");
        }
        if (maxInFlightPerConnection > maxInFlightTotal) {
            throw new ConfigException("max_in_flight_per_connection", maxInFlightPerConnection
                    + " exceeds max_in_flight_total " + maxInFlightTotal);
        }
        return new NodeConfig(this);
    }

    private static String nonBlank(String key, String v) {
        if (v == null || v.isBlank()) {
            throw new ConfigException(key, "must not be empty");
        }
        return v.trim();
    }

    private static int range(String key, int v, int min, int max) {
        if (v < min || v > max) {
            throw new ConfigException(key, "must be in " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    /** A seed is {@code host} or {@code host:port}; bracketed IPv6 ({@code [::1]:9471}) is accepted. */
    private static String checkSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            throw new ConfigException("seeds", "an entry is empty");
        }
        String s = seed.trim();
        int colon = s.lastIndexOf(':');
        boolean hasPort = colon > 0 && (s.indexOf(':') == colon || s.charAt(colon - 1) == ']');
        if (hasPort) {
            String port = s.substring(colon + 1);
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new ConfigException("seeds", "'" + s + "' has a port that is not a number");
            }
            if (p < 1 || p > 65535) {
                throw new ConfigException("seeds", "'" + s + "' has a port outside 1..65535");
            }
        }
        return s;
    }
}
