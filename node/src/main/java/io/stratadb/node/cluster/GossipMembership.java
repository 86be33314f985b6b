package io.stratadb.node.cluster;

import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.gossip.EndpointStateListener;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import io.stratadb.gossip.state.VersionedValue;
import io.stratadb.storage.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns gossip into {@link ClusterView}s: every membership event updates what is known of that peer and
 * publishes a new view into the {@link ClusterState}. A peer is in the ring once gossip has brought its
 * host id, client address and tokens with a status that owns them (NORMAL, LEAVING, SHUTDOWN); it is UP
 * while the failure detector says alive and it has not announced SHUTDOWN.
 *
 * <p>Callbacks run under the gossiper's lock and only rebuild a small immutable snapshot. Plain logic:
 * tests drive it with events directly.
 */
public final class GossipMembership implements EndpointStateListener {

    private static final Logger log = LoggerFactory.getLogger(GossipMembership.class);

    private final ClusterState cluster;
    private final Endpoint localEndpoint;
    private final Clock clock;
    private final Map<Endpoint, EndpointState> states = new LinkedHashMap<>();
    private final Map<Endpoint, Boolean> alive = new HashMap<>();
    private final Map<String, Long> downSince = new HashMap<>();
    private NodeInfo localNode;
    private List<Long> localTokens;

    public GossipMembership(ClusterState cluster, NodeInfo localNode, List<Long> localTokens, Endpoint localEndpoint,
                            Clock clock) {
        this.cluster = cluster;
        this.localNode = localNode;
        this.localTokens = List.copyOf(localTokens);
        this.localEndpoint = localEndpoint;
        this.clock = clock;
    }

    /** This node's tokens became known (a new node picks them after learning the ring). */
    public synchronized void setLocalTokens(List<Long> tokens) {
        this.localTokens = List.copyOf(tokens);
        publish();
    }

    /** The ring of the peers known so far, without this node: what a new node allocates its tokens against. */
    public synchronized TokenRing peerRing() {
        Map<NodeInfo, List<Long>> tokens = new LinkedHashMap<>();
        for (Map.Entry<Endpoint, EndpointState> e : states.entrySet()) {
            NodeInfo n = nodeOf(e.getValue());
            List<Long> t = TokensText.decode(value(e.getValue(), ApplicationState.TOKENS));
            if (n != null && !t.isEmpty() && ownsTokens(e.getValue())) {
                tokens.put(n, t);
            }
        }
        return buildRing(tokens);
    }

    /** How many peers have told us their state (a new node waits for at least one seed). */
    public synchronized int knownPeers() {
        return states.size();
    }

    @Override
    public synchronized void onJoin(Endpoint endpoint, EndpointState state) {
        if (!endpoint.equals(localEndpoint)) {
            states.put(endpoint, state);
            publish();
        }
    }

    @Override
    public synchronized void onChange(Endpoint endpoint, ApplicationState key, VersionedValue value) {
        EndpointState s = states.get(endpoint);
        if (s != null) {
            states.put(endpoint, s.with(key, value));
            publish();
        }
    }

    @Override
    public synchronized void onRestart(Endpoint endpoint, EndpointState state) {
        if (!endpoint.equals(localEndpoint)) {
            states.put(endpoint, state);
            publish();
        }
    }

    @Override
    public synchronized void onAlive(Endpoint endpoint, EndpointState state) {
        if (!endpoint.equals(localEndpoint)) {
            states.put(endpoint, state);
            alive.put(endpoint, true);
            publish();
        }
    }

    @Override
    public synchronized void onDead(Endpoint endpoint, EndpointState state) {
        if (!endpoint.equals(localEndpoint)) {
            alive.put(endpoint, false);
            String hostId = value(state, ApplicationState.HOST_ID);
            if (hostId != null) {
                downSince.put(hostId, clock.currentTimeMicros() / 1000);
            }
            publish();
        }
    }

    @Override
    public synchronized void onRemove(Endpoint endpoint) {
        EndpointState s = states.remove(endpoint);
        alive.remove(endpoint);
        if (s != null) {
            String hostId = value(s, ApplicationState.HOST_ID);
            if (hostId != null) {
                downSince.remove(hostId);
            }
        }
        publish();
    }

    private void publish() {
        Map<NodeInfo, List<Long>> tokens = new LinkedHashMap<>();
        Map<String, NodeState> nodeStates = new HashMap<>();
        Map<String, Endpoint> internode = new HashMap<>();
        Map<String, Long> down = new HashMap<>();
        if (!localTokens.isEmpty()) {
            tokens.put(localNode, localTokens);
        }
        nodeStates.put(localNode.id(), NodeState.UP);
        for (Map.Entry<Endpoint, EndpointState> e : states.entrySet()) {
            EndpointState s = e.getValue();
            NodeInfo n = nodeOf(s);
            if (n == null || n.id().equals(localNode.id())) {
                continue;
            }
            List<Long> t = TokensText.decode(value(s, ApplicationState.TOKENS));
            if (t.isEmpty() || !ownsTokens(s)) {
                continue;
            }
            tokens.put(n, t);
            internode.put(n.id(), e.getKey());
            boolean up = Boolean.TRUE.equals(alive.get(e.getKey())) && status(s) != NodeStatus.SHUTDOWN;
            nodeStates.put(n.id(), up ? (status(s) == NodeStatus.LEAVING ? NodeState.LEAVING : NodeState.UP)
                    : NodeState.DOWN);
            if (!up) {
                down.put(n.id(), downSince.getOrDefault(n.id(), clock.currentTimeMicros() / 1000));
            }
        }
        ClusterView view = new ClusterView(localNode, buildRing(tokens), nodeStates, internode, down);
        cluster.update(old -> view);
    }

    /** A ring from the given tokens; a token claimed twice keeps its first claimant and logs the conflict. */
    private static TokenRing buildRing(Map<NodeInfo, List<Long>> tokens) {
        TokenRing ring = TokenRing.empty();
        Map<Long, NodeInfo> claimed = new HashMap<>();
        for (Map.Entry<NodeInfo, List<Long>> e : tokens.entrySet()) {
            boolean clash = false;
            for (Long t : e.getValue()) {
                NodeInfo other = claimed.get(t);
                if (other != null && !other.id().equals(e.getKey().id())) {
                    log.error("Token {} is claimed by {} and {}; leaving {} out of the ring", t, other, e.getKey(),
                            e.getKey());
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                e.getValue().forEach(t -> claimed.put(t, e.getKey()));
                ring = ring.withNode(e.getKey(), e.getValue());
            }
        }
        return ring;
    }

    private static NodeInfo nodeOf(EndpointState s) {
        String hostId = value(s, ApplicationState.HOST_ID);
        String client = value(s, ApplicationState.CLIENT_ADDRESS);
        if (hostId == null || client == null) {
            return null;
        }
        InetSocketAddress address;
        try {
            Endpoint ep = Endpoint.parse(client);
            address = new InetSocketAddress(ep.host(), ep.port());
        } catch (IllegalArgumentException e) {
            return null;
        }
        String dc = Optional.ofNullable(value(s, ApplicationState.DATACENTER)).orElse("dc1");
        String rack = Optional.ofNullable(value(s, ApplicationState.RACK)).orElse("rack1");
        return new NodeInfo(hostId, address, dc, rack);
    }

    private static boolean ownsTokens(EndpointState s) {
        NodeStatus st = status(s);
        return st == NodeStatus.NORMAL || st == NodeStatus.LEAVING || st == NodeStatus.SHUTDOWN;
    }

    private static NodeStatus status(EndpointState s) {
        return StatusValue.parse(value(s, ApplicationState.STATUS)).map(StatusValue::status).orElse(null);
    }

    private static String value(EndpointState s, ApplicationState key) {
        VersionedValue v = s.get(key);
        return v == null ? null : v.value();
    }
}
