package io.stratadb.node.config;

import io.stratadb.storage.CommitLogCorruptionPolicy;
import io.stratadb.storage.CompactionStrategyKind;
import io.stratadb.storage.SyncMode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The table of settings: each {@code strata.yaml} key with its type, the builder method that sets it and
 * the getter that reads it back. The loader, the effective-values log and the "unknown key" check all
 * walk this one list, so a setting added here is understood everywhere. Defaults are not here: they are
 * the initialisers in {@link NodeConfigBuilder}.
 */
public final class Settings {

    /** How a YAML value is read. */
    public enum Type {
        STRING, INT, BOOLEAN, ENUM, STRING_LIST, PATH
    }

    /**
     * One setting. {@code enumType} is set for {@link Type#ENUM}; its constants are written in lower case
     * in YAML.
     */
    public record Setting(String key, Type type, Class<? extends Enum<?>> enumType,
                          BiConsumer<NodeConfigBuilder, Object> setter, Function<NodeConfig, Object> getter) {
    }

    private static final List<Setting> ALL = List.of(
            string("cluster_name", NodeConfigBuilder::clusterName, NodeConfig::clusterName),
            string("listen_address", NodeConfigBuilder::listenAddress, NodeConfig::listenAddress),
            string("broadcast_address", NodeConfigBuilder::broadcastAddress, NodeConfig::broadcastAddressSetting),
            integer("client_port", NodeConfigBuilder::clientPort, NodeConfig::clientPort),
            integer("internode_port", NodeConfigBuilder::internodePort, NodeConfig::internodePort),
            new Setting("seeds", Type.STRING_LIST, null, (b, v) -> b.seeds(castList(v)), NodeConfig::seeds),
            string("datacenter", NodeConfigBuilder::datacenter, NodeConfig::datacenter),
            string("rack", NodeConfigBuilder::rack, NodeConfig::rack),
            integer("num_tokens", NodeConfigBuilder::numTokens, NodeConfig::numTokens),
            path("data_directory", NodeConfigBuilder::dataDirectory, NodeConfig::dataDirectory),
            path("commitlog_directory", NodeConfigBuilder::commitLogDirectory, NodeConfig::commitLogDirectory),
            enumerated("commitlog_sync", SyncMode.class, (b, v) -> b.commitLogSync((SyncMode) v), NodeConfig::commitLogSync),
            integer("commitlog_group_window_ms", NodeConfigBuilder::commitLogGroupWindowMs, NodeConfig::commitLogGroupWindowMs),
            integer("commitlog_periodic_sync_ms", NodeConfigBuilder::commitLogPeriodicSyncMs, NodeConfig::commitLogPeriodicSyncMs),
            integer("commitlog_segment_size_mb", NodeConfigBuilder::commitLogSegmentSizeMb, NodeConfig::commitLogSegmentSizeMb),
            enumerated("commitlog_corruption_policy", CommitLogCorruptionPolicy.class,
                    (b, v) -> b.commitLogCorruptionPolicy((CommitLogCorruptionPolicy) v), NodeConfig::commitLogCorruptionPolicy),
            integer("memtable_flush_threshold_mb", NodeConfigBuilder::memtableFlushThresholdMb, NodeConfig::memtableFlushThresholdMb),
            integer("block_cache_mb", NodeConfigBuilder::blockCacheMb, NodeConfig::blockCacheMb),
            integer("index_cache_mb", NodeConfigBuilder::indexCacheMb, NodeConfig::indexCacheMb),
            enumerated("compaction_strategy", CompactionStrategyKind.class,
                    (b, v) -> b.compactionStrategy((CompactionStrategyKind) v), NodeConfig::compactionStrategy),
            integer("compaction_throughput_mb_per_sec", NodeConfigBuilder::compactionThroughputMbPerSec,
                    NodeConfig::compactionThroughputMbPerSec),
            integer("concurrent_compactors", NodeConfigBuilder::concurrentCompactors, NodeConfig::concurrentCompactors),
            integer("gc_grace_seconds", NodeConfigBuilder::gcGraceSeconds, NodeConfig::gcGraceSeconds),
            integer("max_value_size_kb", NodeConfigBuilder::maxValueSizeKb, NodeConfig::maxValueSizeKb),
            integer("max_frame_size_mb", NodeConfigBuilder::maxFrameSizeMb, NodeConfig::maxFrameSizeMb),
            integer("read_timeout_ms", NodeConfigBuilder::readTimeoutMs, NodeConfig::readTimeoutMs),
            integer("write_timeout_ms", NodeConfigBuilder::writeTimeoutMs, NodeConfig::writeTimeoutMs),
            integer("max_in_flight_per_connection", NodeConfigBuilder::maxInFlightPerConnection,
                    NodeConfig::maxInFlightPerConnection),
            integer("max_in_flight_total", NodeConfigBuilder::maxInFlightTotal, NodeConfig::maxInFlightTotal),
            integer("concurrent_reads", NodeConfigBuilder::concurrentReads, NodeConfig::concurrentReads),
            integer("read_queue_size", NodeConfigBuilder::readQueueSize, NodeConfig::readQueueSize),
            integer("client_event_loop_threads", NodeConfigBuilder::clientEventLoopThreads, NodeConfig::clientEventLoopThreads),
            new Setting("use_epoll", Type.BOOLEAN, null, (b, v) -> b.useEpoll((Boolean) v), NodeConfig::useEpoll),
            integer("max_scan_page_rows", NodeConfigBuilder::maxScanPageRows, NodeConfig::maxScanPageRows),
            integer("shutdown_timeout_ms", NodeConfigBuilder::shutdownTimeoutMs, NodeConfig::shutdownTimeoutMs),
            integer("gossip_interval_ms", NodeConfigBuilder::gossipIntervalMs, NodeConfig::gossipIntervalMs),
            integer("phi_convict_threshold", NodeConfigBuilder::phiConvictThreshold, NodeConfig::phiConvictThreshold),
            integer("ring_delay_ms", NodeConfigBuilder::ringDelayMs, NodeConfig::ringDelayMs),
            new Setting("hinted_handoff_enabled", Type.BOOLEAN, null, (b, v) -> b.hintedHandoffEnabled((Boolean) v),
                    NodeConfig::hintedHandoffEnabled),
            integer("max_hint_window_ms", NodeConfigBuilder::maxHintWindowMs, NodeConfig::maxHintWindowMs),
            integer("hinted_handoff_throttle_kb", NodeConfigBuilder::hintedHandoffThrottleKb, NodeConfig::hintedHandoffThrottleKb));

    private static final Map<String, Setting> BY_KEY = index();

    private Settings() {
    }

    public static List<Setting> all() {
        return ALL;
    }

    /** The setting with this key, or null. */
    public static Setting byKey(String key) {
        return BY_KEY.get(key);
    }

    /** The YAML spelling of an enum constant: lower case. */
    public static String yamlName(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    static Map<String, String> describe(NodeConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Setting s : ALL) {
            Object v = s.getter().apply(config);
            out.put(s.key(), v instanceof Enum<?> e ? yamlName(e) : String.valueOf(v));
        }
        return out;
    }

    private static Map<String, Setting> index() {
        Map<String, Setting> m = new LinkedHashMap<>();
        for (Setting s : ALL) {
            if (m.put(s.key(), s) != null) {
                throw new IllegalStateException("setting " + s.key() + " listed twice");
            }
        }
        return Map.copyOf(m);
    }

    private static Setting string(String key, BiConsumer<NodeConfigBuilder, String> set, Function<NodeConfig, Object> get) {
        return new Setting(key, Type.STRING, null, (b, v) -> set.accept(b, (String) v), get);
    }

    private static Setting integer(String key, BiConsumer<NodeConfigBuilder, Integer> set, Function<NodeConfig, Object> get) {
        return new Setting(key, Type.INT, null, (b, v) -> set.accept(b, (Integer) v), get);
    }

    private static Setting path(String key, BiConsumer<NodeConfigBuilder, Path> set, Function<NodeConfig, Object> get) {
        return new Setting(key, Type.PATH, null, (b, v) -> set.accept(b, (Path) v), get);
    }

    private static Setting enumerated(String key, Class<? extends Enum<?>> type, BiConsumer<NodeConfigBuilder, Object> set,
                                      Function<NodeConfig, Object> get) {
        return new Setting(key, Type.ENUM, type, set, get);
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object v) {
        return (List<String>) v;
    }
}
