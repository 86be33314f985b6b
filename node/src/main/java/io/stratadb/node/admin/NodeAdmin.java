package io.stratadb.node.admin;

import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.VersionedValue;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;
import io.stratadb.node.schema.Schema;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes the answer of each admin command from {@link AdminSources}. The reports are plain values, so
 * tests check them without a socket; {@link #flush} and {@link #compact} block until the disk work is done
 * and must not be called on an event loop.
 */
public final class NodeAdmin {

    private final AdminSources sources;

    public NodeAdmin(AdminSources sources) {
        this.sources = sources;
    }

    public StatusReport status() {
        ClusterView view = sources.cluster().view();
        TokenRing ring = view.ring();
        Map<NodeInfo, Double> ownership = ring.ownership();
        Map<String, Long> gossipLoad = gossipLoadByHostId();
        List<StatusReport.Node> nodes = new ArrayList<>();
        for (NodeInfo n : sortedNodes(ring)) {
            boolean local = n.id().equals(sources.localHostId());
            // Boxed on purpose: with a primitive branch the ternary would unbox a missing (null) gossip load.
            Long load = local ? Long.valueOf(StorageLoad.loadBytes(sources.storage())) : gossipLoad.get(n.id());
            nodes.add(new StatusReport.Node(n.id(), address(n.address()), n.datacenter(), n.rack(),
                    view.state(n).name(), load, 100.0 * ownership.getOrDefault(n, 0.0), ring.tokensOf(n).size(),
                    local));
        }
        return new StatusReport(sources.localHostId(), nodes);
    }

    public RingReport ring() {
        ClusterView view = sources.cluster().view();
        TokenRing ring = view.ring();
        List<RingReport.Entry> entries = new ArrayList<>(ring.size());
        for (int i = 0; i < ring.size(); i++) {
            NodeInfo n = ring.ownerAt(i);
            entries.add(new RingReport.Entry(ring.tokenAt(i), n.id(), address(n.address()), n.datacenter(), n.rack(),
                    view.state(n).name()));
        }
        return new RingReport(sources.localHostId(), entries);
    }

    public InfoReport info() {
        ClusterView view = sources.cluster().view();
        NodeInfo self = view.localNode();
        Schema schema = sources.schema().get();
        List<InfoReport.Keyspace> keyspaces = new ArrayList<>();
        for (KeyspaceMetadata ks : schema.keyspaces()) {
            keyspaces.add(new InfoReport.Keyspace(ks.name(), replication(ks.replication())));
        }
        EndpointState own = gossipStateOf(sources.localHostId());
        long uptimeMicros = Math.max(0, sources.clock().currentTimeMicros() - sources.startedAtMicros());
        Runtime runtime = Runtime.getRuntime();
        return new InfoReport(self.id(), address(self.address()), self.datacenter(), self.rack(),
                uptimeMicros / 1_000_000L, StorageLoad.loadBytes(sources.storage()),
                StorageLoad.memtableBytes(sources.storage()), schema.version().toString(),
                own == null ? null : own.generation(), view.ring().tokensOf(self).size(),
                runtime.totalMemory() - runtime.freeMemory(), runtime.maxMemory(),
                sources.storage().config().dataDirectory().toAbsolutePath().toString(), keyspaces);
    }

    /**
     * Flushes every memtable. The engine flushes all tables together (one commit log covers them), so a
     * keyspace argument is only checked to exist: an operator who names a wrong one hears about it.
     */
    public MaintenanceReport flush(String keyspace) {
        List<String> tables = keyspace == null ? List.copyOf(new TreeSet<>(sources.storage().tables()))
                : List.of(table(keyspace));
        long start = sources.clock().nanoTime();
        sources.storage().flush();
        return maintenance(keyspace, tables, start);
    }

    /** Major compaction: every table's SSTables merged into one, or only {@code keyspace}'s table. */
    public MaintenanceReport compact(String keyspace) {
        List<String> tables = keyspace == null ? List.copyOf(new TreeSet<>(sources.storage().tables()))
                : List.of(table(keyspace));
        long start = sources.clock().nanoTime();
        for (String table : tables) {
            if (sources.storage().tables().contains(table)) {
                sources.storage().majorCompact(table);
            }
        }
        return maintenance(keyspace, tables, start);
    }

    public GossipReport gossipInfo() {
        List<GossipReport.EndpointInfo> endpoints = new ArrayList<>();
        for (Map.Entry<Endpoint, EndpointState> e : new TreeMap<>(sources.gossipStates().get()).entrySet()) {
            EndpointState s = e.getValue();
            Map<String, GossipReport.Versioned> states = new LinkedHashMap<>();
            s.states().forEach((k, v) -> states.put(k.name(), new GossipReport.Versioned(v.value(), v.version())));
            VersionedValue hostId = s.get(ApplicationState.HOST_ID);
            double phi = sources.phi().applyAsDouble(e.getKey());
            endpoints.add(new GossipReport.EndpointInfo(e.getKey().toString(), hostId == null ? null : hostId.value(),
                    s.generation(), s.heartbeat().version(), Double.isFinite(phi) ? phi : null, states));
        }
        return new GossipReport(sources.localHostId(), endpoints);
    }

    public HintsReport hints() {
        ClusterView view = sources.cluster().view();
        Map<String, String> addressById = new LinkedHashMap<>();
        view.ring().nodes().forEach(n -> addressById.put(n.id(), address(n.address())));
        List<HintsReport.Target> targets = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Long> e : sources.pendingHints().get().entrySet()) {
            targets.add(new HintsReport.Target(e.getKey(), addressById.get(e.getKey()), e.getValue()));
            total += e.getValue();
        }
        targets.sort(Comparator.comparingLong(HintsReport.Target::pending).reversed()
                .thenComparing(HintsReport.Target::hostId));
        return new HintsReport(sources.localHostId(), total, targets);
    }

    private MaintenanceReport maintenance(String keyspace, List<String> tables, long startNanos) {
        long tookMillis = (sources.clock().nanoTime() - startNanos) / 1_000_000L;
        return new MaintenanceReport(sources.localHostId(), keyspace, tables, tookMillis,
                StorageLoad.loadBytes(sources.storage()));
    }

    private String table(String keyspace) {
        KeyspaceMetadata ks = sources.schema().get().keyspace(keyspace);
        if (ks == null) {
            throw RequestException.unknownKeyspace(keyspace);
        }
        return ks.table();
    }

    /** LOAD announced in gossip, by the HOST_ID announced beside it; unreadable values are left out. */
    private Map<String, Long> gossipLoadByHostId() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (EndpointState s : sources.gossipStates().get().values()) {
            VersionedValue id = s.get(ApplicationState.HOST_ID);
            VersionedValue load = s.get(ApplicationState.LOAD);
            if (id != null && load != null) {
                try {
                    out.put(id.value(), (long) Double.parseDouble(load.value()));
                } catch (NumberFormatException e) {
                    // A peer of another version may announce LOAD differently: show it as unknown.
                }
            }
        }
        return out;
    }

    private EndpointState gossipStateOf(String hostId) {
        for (EndpointState s : sources.gossipStates().get().values()) {
            VersionedValue id = s.get(ApplicationState.HOST_ID);
            if (id != null && id.value().equals(hostId)) {
                return s;
            }
        }
        return null;
    }

    private static List<NodeInfo> sortedNodes(TokenRing ring) {
        List<NodeInfo> nodes = new ArrayList<>(ring.nodes());
        nodes.sort(Comparator.comparing((NodeInfo n) -> n.address().getAddress() == null ? ""
                : n.address().getAddress().getHostAddress()).thenComparingInt(n -> n.address().getPort())
                .thenComparing(NodeInfo::id));
        return nodes;
    }

    /** {@code simple rf=3}, {@code network_topology dc1=3 dc2=2}: how operators write replication. */
    static String replication(ReplicationSettings r) {
        if (r instanceof ReplicationSettings.Simple s) {
            return "simple rf=" + s.replicationFactor();
        }
        StringBuilder sb = new StringBuilder("network_topology");
        new TreeMap<>(((ReplicationSettings.NetworkTopology) r).replicationByDatacenter())
                .forEach((dc, rf) -> sb.append(' ').append(dc).append('=').append(rf));
        return sb.toString();
    }

    static String address(InetSocketAddress a) {
        String host = a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString();
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + a.getPort() : host + ":" + a.getPort();
    }
}
