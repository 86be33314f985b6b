package io.stratadb.node.cluster;

import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import io.stratadb.gossip.state.VersionedValue;
import io.stratadb.storage.Clock;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gossip events in, ClusterViews out: driven by calls, no sockets. */
class GossipMembershipTest {

    private static final NodeInfo SELF = new NodeInfo("self", new InetSocketAddress("127.0.0.1", 9470), "dc1", "r1");
    private static final Endpoint SELF_EP = Endpoint.of("127.0.0.1", 9471);
    private static final Endpoint PEER = Endpoint.of("127.0.0.2", 9471);

    private final ClusterState cluster = new ClusterState(ClusterView.alone(SELF, List.of(1L)));
    private long nowMicros = 5_000_000_000L;
    private final Clock clock = new Clock() {
        @Override
        public long currentTimeMicros() {
            return nowMicros;
        }

        @Override
        public long nanoTime() {
            return nowMicros * 1000;
        }
    };
    private final GossipMembership membership = new GossipMembership(cluster, SELF, List.of(1L), SELF_EP, clock);

    private static EndpointState peerState(NodeStatus status, String tokens) {
        Map<ApplicationState, VersionedValue> s = new EnumMap<>(ApplicationState.class);
        int v = 1;
        s.put(ApplicationState.HOST_ID, new VersionedValue("peer", v++));
        s.put(ApplicationState.CLIENT_ADDRESS, new VersionedValue("127.0.0.2:9470", v++));
        s.put(ApplicationState.DATACENTER, new VersionedValue("dc1", v++));
        s.put(ApplicationState.RACK, new VersionedValue("r2", v++));
        if (tokens != null) {
            s.put(ApplicationState.TOKENS, new VersionedValue(tokens, v++));
        }
        s.put(ApplicationState.STATUS, new VersionedValue(StatusValue.of(status).encode(), v));
        return new EndpointState(new HeartbeatState(1, 1), s);
    }

    private NodeInfo peerInRing() {
        return cluster.view().ring().nodes().stream().filter(n -> n.id().equals("peer")).findFirst().orElse(null);
    }

    @Test
    void aNormalPeerJoinsTheRingAndFollowsTheFailureDetector() {
        membership.onJoin(PEER, peerState(NodeStatus.NORMAL, "10,20"));
        NodeInfo peer = peerInRing();
        assertEquals(List.of(10L, 20L), cluster.view().ring().tokensOf(peer));
        assertEquals("r2", peer.rack());
        assertEquals(PEER, cluster.view().internode(peer));
        assertEquals(NodeState.DOWN, cluster.view().state(peer), "not up until the failure detector says so");
        membership.onAlive(PEER, peerState(NodeStatus.NORMAL, "10,20"));
        assertEquals(NodeState.UP, cluster.view().state(peer));
        assertNull(cluster.view().downSince(peer));
        nowMicros += 7_000_000;
        membership.onDead(PEER, peerState(NodeStatus.NORMAL, "10,20"));
        assertEquals(NodeState.DOWN, cluster.view().state(peer));
        assertEquals(nowMicros / 1000, cluster.view().downSince(peer));
    }

    @Test
    void aJoiningPeerWithoutTokensIsNotInTheRingUntilItIsNormal() {
        membership.onJoin(PEER, peerState(NodeStatus.JOINING, null));
        assertNull(peerInRing());
        assertEquals(1, membership.knownPeers());
        assertTrue(membership.peerRing().isEmpty());
        membership.onChange(PEER, ApplicationState.TOKENS, new VersionedValue("30", 10));
        membership.onChange(PEER, ApplicationState.STATUS, new VersionedValue("NORMAL", 11));
        assertEquals(List.of(30L), cluster.view().ring().tokensOf(peerInRing()));
        assertEquals(1, membership.peerRing().nodes().size(), "the peer ring leaves this node out");
    }

    @Test
    void aPeerThatAnnouncedShutdownStaysInTheRingButDown() {
        membership.onAlive(PEER, peerState(NodeStatus.NORMAL, "10"));
        membership.onChange(PEER, ApplicationState.STATUS, new VersionedValue("SHUTDOWN", 20));
        assertEquals(NodeState.DOWN, cluster.view().state(peerInRing()));
    }

    @Test
    void aPeerClaimingOurTokenIsLeftOutOfTheRing() {
        membership.onAlive(PEER, peerState(NodeStatus.NORMAL, "1"));
        assertNull(peerInRing(), "token 1 is ours");
        assertEquals(List.of(1L), cluster.view().ring().tokensOf(SELF));
    }

    @Test
    void aRemovedPeerLeavesTheRing() {
        membership.onAlive(PEER, peerState(NodeStatus.NORMAL, "10"));
        membership.onRemove(PEER);
        assertNull(peerInRing());
        assertFalse(cluster.view().internodeById().containsKey("peer"));
    }

    @Test
    void tokensTextRoundTripsAndRejectsGarbage() {
        assertEquals(List.of(-5L, 7L, Long.MAX_VALUE), TokensText.decode(TokensText.encode(List.of(-5L, 7L, Long.MAX_VALUE))));
        assertTrue(TokensText.decode("1,x").isEmpty());
        assertTrue(TokensText.decode(null).isEmpty());
    }
}
