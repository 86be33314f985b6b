package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.messages.GossipDigest;
import io.stratadb.gossip.messages.GossipDigestAck2;
import io.stratadb.gossip.messages.GossipDigestSyn;
import io.stratadb.gossip.sim.RecordingListener.Event;
import io.stratadb.gossip.sim.RecordingListener.Kind;
import io.stratadb.gossip.sim.SimulatedCluster;
import io.stratadb.gossip.sim.SimulatedNode;
import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.HeartbeatState;
import io.stratadb.gossip.state.VersionedValue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A restarted node (higher generation) replaces its old state everywhere; the old incarnation is ignored after. */
class RestartTest {

    /** Down for 3 s is a restart before anyone convicted it; 40 s is after everyone did. */
    @ParameterizedTest(name = "down for {0} s")
    @ValueSource(ints = {3, 40})
    void aRestartIsRecognisedAndOldGenerationGossipIsIgnoredAfterwards(int downSeconds) {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("restart-" + downSeconds)).nodes(6)
                .seeds(1).build().startAll();
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(15));
        cluster.runFor(Duration.ofSeconds(20));

        SimulatedNode node = cluster.node(3);
        Endpoint ep = node.endpoint();
        EndpointState oldIncarnation = node.localState();
        node.stop();
        cluster.runFor(Duration.ofSeconds(downSeconds));
        long restartedAt = cluster.now();
        node.restart();
        assertTrue(node.generation() > oldIncarnation.generation());

        Duration took = cluster.runUntil("restart seen by all", cluster::converged, Duration.ofSeconds(10));
        System.out.println("restart after " + downSeconds + " s down seen by all in " + took);
        for (SimulatedNode observer : cluster.nodes()) {
            if (observer == node) {
                continue;
            }
            assertEquals(node.generation(), observer.gossiper().endpointState(ep).orElseThrow().generation());
            assertEquals(1, observer.events().events(Kind.RESTART, ep).size(), cluster.describe());
            // Liveness events stay well-formed: down (now or before), restarted, up.
            List<Kind> sequence = observer.events().events().stream()
                    .filter(e -> e.endpoint().equals(ep) && e.kind() != Kind.CHANGE).map(Event::kind).toList();
            assertEquals(List.of(Kind.JOIN, Kind.ALIVE, Kind.DEAD, Kind.RESTART, Kind.ALIVE), sequence,
                    cluster.describe());
            assertTrue(observer.events().first(Kind.ALIVE, ep, restartedAt).isPresent());
        }

        // A peer that still has the old incarnation now gossips it, with versions far above the new
        // ones and different tokens: everyone must ignore it.
        EndpointState stale = new EndpointState(new HeartbeatState(oldIncarnation.generation(), 1_000_000),
                Map.of(ApplicationState.TOKENS, new VersionedValue("stale-tokens", 1_000_001)));
        SimulatedNode observer = cluster.node(0);
        Endpoint gossipingPeer = cluster.node(1).endpoint();
        EndpointState before = observer.gossiper().endpointState(ep).orElseThrow();
        int eventsBefore = observer.events().events().size();
        observer.gossiper().receive(gossipingPeer,
                new GossipDigestAck2(SimulatedCluster.CLUSTER_NAME, Map.of(ep, stale)));
        observer.gossiper().receive(ep, new GossipDigestAck2(SimulatedCluster.CLUSTER_NAME, Map.of(ep, stale)));
        assertEquals(before, observer.gossiper().endpointState(ep).orElseThrow());
        assertEquals(eventsBefore, observer.events().events().size(), "no events for an old incarnation");

        // The same stale incarnation in a SYN digest gets the new state back, not a request.
        observer.gossiper().receive(gossipingPeer, new GossipDigestSyn(SimulatedCluster.CLUSTER_NAME,
                List.of(new GossipDigest(ep, oldIncarnation.generation(), 1_000_001))));
        cluster.runFor(Duration.ofSeconds(5));
        assertTrue(cluster.converged(), cluster.describe());
        assertEquals(node.initialStates().get(ApplicationState.TOKENS), cluster.node(1).gossiper()
                .endpointState(ep).orElseThrow().get(ApplicationState.TOKENS).value());
    }
}
