package io.stratadb.node.admin;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.admin.AdminCommand;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.VersionedValue;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;
import io.stratadb.node.schema.Schema;
import io.stratadb.node.testing.ManualClock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.engine.StorageEngine;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NodeAdmin's reports over a real storage engine and a hand-built three-node view and gossip map. */
class NodeAdminTest {

    private static final NodeInfo A = node("aaaa", "127.0.0.1", "rack1");
    private static final NodeInfo B = node("bbbb", "127.0.0.2", "rack2");
    private static final NodeInfo C = node("cccc", "127.0.0.3", "rack1");
    private static final Endpoint EA = Endpoint.of("127.0.0.1", 9471);
    private static final Endpoint EB = Endpoint.of("127.0.0.2", 9471);
    private static final Endpoint EC = Endpoint.of("127.0.0.3", 9471);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(1_700_000_000_000_000L);
    private final Map<Endpoint, EndpointState> gossip = new HashMap<>();
    private final Map<Endpoint, Double> phis = new HashMap<>();
    private final Map<String, Long> hints = new HashMap<>();
    private StorageEngine storage;
    private Schema schema;
    private NodeAdmin admin;

    @BeforeEach
    void setUp() {
        storage = StorageEngine.open(StorageConfig.builder(dir).segmentSize(2 << 20).build(), new LocalFileSystem(),
                clock, new MetricRegistry());
        schema = new Schema(List.of(
                new KeyspaceMetadata(new KeyspaceDefinition("app", new ReplicationSettings.Simple(3)), "app_1"),
                new KeyspaceMetadata(new KeyspaceDefinition("geo",
                        new ReplicationSettings.NetworkTopology(Map.of("dc2", 2, "dc1", 3))), "geo_1")));
        TokenRing ring = TokenRing.of(Map.of(A, List.of(-6_000_000_000_000_000_000L, 0L),
                B, List.of(-3_000_000_000_000_000_000L), C, List.of(3_000_000_000_000_000_000L, 6_000_000_000_000_000_000L)));
        ClusterState cluster = new ClusterState(new ClusterView(A, ring,
                Map.of(A.id(), NodeState.UP, B.id(), NodeState.DOWN, C.id(), NodeState.UP)));
        long started = clock.currentTimeMicros();
        admin = new NodeAdmin(new AdminSources(cluster, storage, () -> schema, () -> Map.copyOf(gossip),
                e -> phis.getOrDefault(e, 0.0), () -> Map.copyOf(hints), A.id(), started, clock));
        gossip.put(EA, state(12, "aaaa", null));
        gossip.put(EB, state(34, "bbbb", "123456"));
        gossip.put(EC, state(56, "cccc", null));
    }

    @AfterEach
    void tearDown() {
        storage.close();
    }

    @Test
    void statusListsEveryNodeWithStateOwnershipTokensAndLoad() {
        write("app_1", "k", 2000);
        storage.flush();
        write("app_1", "unflushed", 300);
        long local = StorageLoad.sstableBytes(storage) + StorageLoad.memtableBytes(storage);
        assertTrue(StorageLoad.sstableBytes(storage) > 0 && StorageLoad.memtableBytes(storage) > 0);

        StatusReport status = admin.status();

        assertEquals(List.of("aaaa", "bbbb", "cccc"), status.nodes().stream().map(StatusReport.Node::hostId).toList());
        StatusReport.Node a = status.nodes().get(0);
        StatusReport.Node b = status.nodes().get(1);
        StatusReport.Node c = status.nodes().get(2);
        assertTrue(a.local());
        assertFalse(b.local());
        assertEquals("127.0.0.1:9470", a.address());
        assertEquals("dc1", a.datacenter());
        assertEquals("rack2", b.rack());
        assertEquals(List.of("UP", "DOWN", "UP"), status.nodes().stream().map(StatusReport.Node::state).toList());
        assertEquals(List.of(2, 1, 2), status.nodes().stream().map(StatusReport.Node::tokens).toList());
        assertEquals(local, a.loadBytes(), "this node's load is its own SSTables and memtables, not gossip's");
        assertEquals(123456L, b.loadBytes(), "another node's load is its gossiped LOAD, matched by HOST_ID");
        assertNull(c.loadBytes(), "a node that announced no LOAD has an unknown load");
        double total = status.nodes().stream().mapToDouble(StatusReport.Node::ownershipPercent).sum();
        assertEquals(100.0, total, 1e-9);
        // B owns (-6e18, -3e18]: 3e18 of 2^64.
        assertEquals(100.0 * 3e18 / Math.pow(2, 64), b.ownershipPercent(), 1e-6);
    }

    @Test
    void ringListsEveryTokenInOrderWithItsOwner() {
        RingReport ring = admin.ring();
        assertEquals(5, ring.tokens().size());
        assertEquals(List.of("aaaa", "bbbb", "aaaa", "cccc", "cccc"),
                ring.tokens().stream().map(RingReport.Entry::hostId).toList());
        for (int i = 1; i < ring.tokens().size(); i++) {
            assertTrue(ring.tokens().get(i - 1).token() < ring.tokens().get(i).token());
        }
        assertEquals("DOWN", ring.tokens().get(1).state());
    }

    @Test
    void infoDescribesThisNode() {
        clock.advanceSeconds(90);
        InfoReport info = admin.info();
        assertEquals("aaaa", info.hostId());
        assertEquals(90, info.uptimeSeconds());
        assertEquals(12L, info.generation(), "the generation is this node's own gossip heartbeat's");
        assertEquals(schema.version().toString(), info.schemaVersion());
        assertEquals(2, info.tokens());
        assertEquals(List.of(new InfoReport.Keyspace("app", "simple rf=3"),
                new InfoReport.Keyspace("geo", "network_topology dc1=3 dc2=2")), info.keyspaces());
        assertTrue(info.heapMaxBytes() >= info.heapUsedBytes() && info.heapUsedBytes() > 0);
        assertEquals(dir.toAbsolutePath().toString(), info.dataDirectory());

        gossip.clear();
        assertNull(admin.info().generation(), "a node that does not gossip has no generation");
    }

    @Test
    void flushMovesMemtablesToDisk() {
        write("app_1", "k", 1000);
        assertTrue(StorageLoad.memtableBytes(storage) > 0);
        assertEquals(0, StorageLoad.sstableBytes(storage));

        MaintenanceReport r = admin.flush(null);

        assertEquals(0, StorageLoad.memtableBytes(storage));
        assertTrue(r.loadBytes() > 0);
        assertEquals(StorageLoad.sstableBytes(storage), r.loadBytes());
        assertTrue(r.tables().contains("app_1"));
        assertEquals(List.of("app_1"), admin.flush("app").tables());
        RequestException e = assertThrows(RequestException.class, () -> admin.flush("nope"));
        assertEquals(ErrorCode.UNKNOWN_KEYSPACE, e.code());
    }

    @Test
    void compactMergesEveryTableOrOneKeyspace() {
        for (int i = 0; i < 3; i++) {
            write("app_1", "k" + i, 500);
            write("geo_1", "g" + i, 500);
            storage.flush();
        }
        assertEquals(6, sstables());

        assertEquals(List.of("app_1"), admin.compact("app").tables());
        assertEquals(4, sstables(), "only app's three SSTables were merged");

        MaintenanceReport all = admin.compact(null);
        assertEquals(List.of("app_1", "geo_1"), all.tables());
        assertEquals(2, sstables());
        assertEquals(ErrorCode.UNKNOWN_KEYSPACE,
                assertThrows(RequestException.class, () -> admin.compact("nope")).code());
    }

    @Test
    void gossipInfoShowsEveryEndpointWithPhi() {
        phis.put(EB, Double.POSITIVE_INFINITY);
        phis.put(EC, 1.5);
        GossipReport g = admin.gossipInfo();
        assertEquals(List.of("127.0.0.1:9471", "127.0.0.2:9471", "127.0.0.3:9471"),
                g.endpoints().stream().map(GossipReport.EndpointInfo::endpoint).toList());
        GossipReport.EndpointInfo b = g.endpoints().get(1);
        assertEquals("bbbb", b.hostId());
        assertEquals(34, b.generation());
        assertNull(b.phi(), "an infinite phi is written as null: JSON has no infinity");
        assertEquals(1.5, g.endpoints().get(2).phi());
        assertEquals(new GossipReport.Versioned("123456", 3), b.states().get("LOAD"));
        assertEquals("NORMAL", b.states().get("STATUS").value());
    }

    @Test
    void hintsArePerTargetLargestFirst() {
        assertEquals(0, admin.hints().totalPending());
        hints.put("bbbb", 5L);
        hints.put("gone", 9L);
        HintsReport h = admin.hints();
        assertEquals(14, h.totalPending());
        assertEquals(List.of(new HintsReport.Target("gone", null, 9), new HintsReport.Target("bbbb", "127.0.0.2:9470", 5)),
                h.targets());
    }

    @Test
    void jsonDocumentCarriesVersionCommandAndReportFields() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(new AdminJson().write(AdminCommand.STATUS, admin.status()));
        assertEquals(1, doc.get("version").asInt());
        assertEquals("status", doc.get("command").asText());
        assertEquals("aaaa", doc.get("hostId").asText());
        assertEquals(3, doc.get("nodes").size());
        assertEquals("DOWN", doc.get("nodes").get(1).get("state").asText());
        assertTrue(doc.get("nodes").get(2).get("loadBytes").isNull());
    }

    private int sstables() {
        return ((Number) storage.metrics().registry().getGauges().get("storage.sstable.count").getValue()).intValue();
    }

    private void write(String table, String key, int valueBytes) {
        storage.put(table, key.getBytes(StandardCharsets.UTF_8), new byte[valueBytes], clock.currentTimeMicros());
    }

    private static EndpointState state(long generation, String hostId, String load) {
        EndpointState s = EndpointState.of(new HeartbeatState(generation, 7))
                .with(ApplicationState.HOST_ID, new VersionedValue(hostId, 1))
                .with(ApplicationState.STATUS, new VersionedValue("NORMAL", 2));
        return load == null ? s : s.with(ApplicationState.LOAD, new VersionedValue(load, 3));
    }

    private static NodeInfo node(String id, String ip, String rack) {
        return new NodeInfo(id, new InetSocketAddress(ip, 9470), "dc1", rack);
    }
}
