package io.stratadb.node.config;

import io.stratadb.storage.CompactionStrategyKind;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlConfigLoaderTest {

    private static final Path BASE = Path.of("/opt/strata");
    private static final Path FILE = Path.of("/opt/strata/conf/strata.yaml");
    private final YamlConfigLoader loader = new YamlConfigLoader(BASE);

    private NodeConfig parse(String yaml) {
        return loader.parse(yaml, FILE);
    }

    private ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void anEmptyFileMeansEveryDefault() {
        NodeConfig c = parse("");
        assertEquals(NodeConfig.builder().dataDirectory(BASE.resolve("data")).build().effectiveSettings(),
                c.effectiveSettings());
        assertEquals(BASE.resolve("data"), c.dataDirectory(), "relative to the installation, not the working directory");
        assertEquals(9470, c.clientPort());
        assertEquals(9471, c.internodePort());
        assertEquals(16, c.numTokens());
        assertEquals(16, c.maxFrameSizeMb());
        assertEquals(SyncMode.GROUP, c.commitLogSync());
    }

    @Test
    void theShippedConfigurationParsesToTheDefaults() throws Exception {
        Path shipped = Path.of("..", "conf", "strata.yaml");
        NodeConfig c = loader.parse(Files.readString(shipped), shipped);
        assertEquals(parse("").effectiveSettings(), c.effectiveSettings(),
                "conf/strata.yaml documents the defaults; keep them in step with NodeConfigBuilder");
    }

    @Test
    void everyKindOfValueIsRead() {
        NodeConfig c = parse("""
                cluster_name: Test Cluster
                client_port: 0
                seeds: [ "10.0.0.1", "10.0.0.2:7000" ]
                data_directory: var/lib/strata
                commitlog_directory: /fast/commitlog
                commitlog_sync: PERIODIC
                compaction_strategy: leveled
                use_epoll: false
                max_value_size_kb: 64
                broadcast_address: ~
                """);
        assertEquals("Test Cluster", c.clusterName());
        assertEquals(0, c.clientPort());
        assertEquals(List.of("10.0.0.1", "10.0.0.2:7000"), c.seeds());
        assertEquals(BASE.resolve("var/lib/strata"), c.dataDirectory());
        assertEquals(Path.of("/fast/commitlog"), c.commitLogDirectory());
        assertEquals(SyncMode.PERIODIC, c.commitLogSync());
        assertEquals(CompactionStrategyKind.LEVELED, c.compactionStrategy());
        assertEquals(false, c.useEpoll());
        assertEquals(64 * 1024, c.maxValueSizeBytes());
        assertNull(c.broadcastAddressSetting());
        assertEquals("127.0.0.1", c.broadcastAddress());
    }

    @Test
    void seedsMayBeOneCommaSeparatedString() {
        assertEquals(List.of("a", "b:1"), parse("seeds: \"a, b:1\"").seeds());
    }

    @Test
    void anUnknownKeyIsNamedWithItsLineAndTheNearestSetting() {
        ConfigException e = error("cluster_name: x\n\nclient_prot: 9000\n");
        assertEquals("client_prot", e.setting());
        assertTrue(e.getMessage().contains("unknown setting"), e.getMessage());
        assertTrue(e.getMessage().contains("client_port"), e.getMessage());
        assertTrue(e.getMessage().contains(FILE + " line 3"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesTheSettingAndLine() {
        ConfigException e = error("num_tokens: sixteen\n");
        assertEquals("num_tokens", e.setting());
        assertTrue(e.getMessage().contains("expected an integer"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertEquals("use_epoll", error("use_epoll: 1").setting());
        assertEquals("seeds", error("seeds: {a: b}").setting());
        assertEquals("client_port", error("client_port: 1.5").setting());
        assertEquals("cluster_name", error("cluster_name: [a, b]").setting());
        assertEquals("client_port", error("client_port: 99999999999").setting());
    }

    @Test
    void anOutOfRangeValueNamesTheSetting() {
        ConfigException e = error("rack: r1\nclient_port: 70000\n");
        assertEquals("client_port", e.setting());
        assertTrue(e.getMessage().contains("0..65535"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals("commitlog_sync", error("commitlog_sync: sometimes").setting());
        assertTrue(error("commitlog_sync: sometimes").getMessage().contains("group, periodic"));
        assertEquals("num_tokens", error("num_tokens: 0").setting());
        assertEquals("seeds", error("seeds: [\"host:notaport\"]").setting());
        assertEquals("cluster_name", error("cluster_name: \"  \"").setting());
    }

    @Test
    void settingsThatMustAgreeAreCheckedTogether() {
        ConfigException e = error("max_frame_size_mb: 1\nmax_value_size_kb: 1024\n");
        assertEquals("max_value_size_kb", e.setting());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertEquals("commitlog_segment_size_mb", error("commitlog_segment_size_mb: 1\nmax_value_size_kb: 4096").setting());
        assertEquals("max_in_flight_per_connection",
                error("max_in_flight_per_connection: 100\nmax_in_flight_total: 10").setting());
    }

    @Test
    void duplicateKeysAndNonMappingsAreRefused() {
        ConfigException dup = error("rack: a\nrack: b\n");
        assertEquals("rack", dup.setting());
        assertTrue(dup.getMessage().contains("line 2"), dup.getMessage());
        assertTrue(error("- a\n- b\n").getMessage().contains("mapping"));
        assertTrue(error("rack: [unclosed\n").getMessage().contains("not valid YAML"));
    }

    @Test
    void aMissingFileIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> loader.load(Path.of("/nonexistent/strata.yaml")));
        assertTrue(e.getMessage().contains("/nonexistent/strata.yaml"), e.getMessage());
    }

    @Test
    void theStorageConfigurationFollows() {
        NodeConfig c = parse("data_directory: /d\nmemtable_flush_threshold_mb: 8\ngc_grace_seconds: 60\n");
        StorageConfig s = c.storageConfig();
        assertEquals(Path.of("/d/data"), s.dataDirectory());
        assertEquals(Path.of("/d/commitlog"), s.commitLogDirectory());
        assertEquals(8L << 20, s.memtableFlushThreshold());
        assertEquals(60, s.gcGraceSeconds());
        assertEquals(1 << 20, s.maxValueSize());
    }

    @Test
    void everySettingHasAYamlKeyAndAppearsInTheEffectiveValues() {
        NodeConfig c = NodeConfig.builder().build();
        assertEquals(Settings.all().size(), c.effectiveSettings().size());
        for (Settings.Setting s : Settings.all()) {
            assertTrue(c.effectiveSettings().containsKey(s.key()), s.key());
        }
    }
}
