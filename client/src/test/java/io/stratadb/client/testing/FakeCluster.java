package io.stratadb.client.testing;

import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Several {@link FakeStrataServer}s, each a real listening socket on its own free port, that answer
 * TOPOLOGY with the same ring: node {@code i} has {@value #TOKENS_PER_NODE} tokens interleaved with the
 * others', so every node is a replica of some keys and not of others. Each server still keeps its own
 * data: a request lands on the server it was sent to, which is what routing tests observe. Keyspaces are
 * created on every server, and the topology lists those of the first.
 */
public final class FakeCluster implements AutoCloseable {
    public static final int TOKENS_PER_NODE = 4;

    private final List<FakeStrataServer> servers;
    private final List<String> datacenters;
    private final List<NodeState> states;
    private final List<Boolean> listed;
    private final boolean owned;

    private FakeCluster(List<FakeStrataServer> servers, List<String> datacenters, boolean owned) {
        this.servers = List.copyOf(servers);
        this.datacenters = List.copyOf(datacenters);
        this.states = new CopyOnWriteArrayList<>(servers.stream().map(s -> NodeState.UP).toList());
        this.listed = new CopyOnWriteArrayList<>(servers.stream().map(s -> true).toList());
        this.owned = owned;
        for (FakeStrataServer server : servers) {
            server.setTopology(this::topology);
        }
    }

    /** Starts one server per entry, in that datacenter; {@link #close()} stops them. */
    public static FakeCluster start(String... datacenters) {
        List<FakeStrataServer> servers = new ArrayList<>();
        for (int i = 0; i < datacenters.length; i++) {
            servers.add(FakeStrataServer.start());
        }
        return new FakeCluster(servers, List.of(datacenters), true);
    }

    /** Makes running servers one cluster in datacenter dc1; the caller keeps closing them. */
    public static FakeCluster of(FakeStrataServer... servers) {
        return new FakeCluster(List.of(servers), List.of(servers).stream().map(s -> "dc1").toList(), false);
    }

    public FakeStrataServer server(int i) {
        return servers.get(i);
    }

    public List<FakeStrataServer> servers() {
        return servers;
    }

    public int size() {
        return servers.size();
    }

    /** The host id of node {@code i} in the topology. */
    public static String hostId(int i) {
        return "node-" + i;
    }

    /** The index of the server at {@code address}, or -1. */
    public int indexOf(InetSocketAddress address) {
        for (int i = 0; i < servers.size(); i++) {
            if (servers.get(i).port() == address.getPort()) {
                return i;
            }
        }
        return -1;
    }

    /** What TOPOLOGY will report for node {@code i} from now on. */
    public void setState(int i, NodeState state) {
        states.set(i, state);
    }

    /** Whether TOPOLOGY lists node {@code i} from now on (a node not listed has left the ring). */
    public void setListed(int i, boolean isListed) {
        listed.set(i, isListed);
    }

    /** Creates the keyspace on every server. */
    public void createKeyspace(KeyspaceDefinition keyspace) {
        for (FakeStrataServer server : servers) {
            server.store().handle(new CreateKeyspaceRequest(keyspace, true));
        }
    }

    /** The ring every server reports. */
    public TopologyResult topology() {
        int n = servers.size();
        long step = Long.divideUnsigned(-1L, (long) n * TOKENS_PER_NODE);
        List<NodeDescription> nodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!listed.get(i)) {
                continue;
            }
            List<Long> tokens = new ArrayList<>();
            for (int k = 0; k < TOKENS_PER_NODE; k++) {
                tokens.add(Long.MIN_VALUE + step * ((long) k * n + i + 1));
            }
            nodes.add(new NodeDescription(hostId(i), new InetSocketAddress("127.0.0.1", servers.get(i).port()),
                    datacenters.get(i), "rack1", states.get(i), tokens));
        }
        return new TopologyResult(Murmur3Partitioner.NAME, nodes, servers.get(0).store().keyspaces());
    }

    @Override
    public void close() {
        if (owned) {
            servers.forEach(FakeStrataServer::close);
        }
    }
}
