package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.sim.RecordingListener.Event;
import io.stratadb.gossip.sim.RecordingListener.Kind;
import io.stratadb.gossip.sim.SimulatedCluster;
import io.stratadb.gossip.sim.SimulatedNode;
import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LEFT endpoints are dropped after the retention period and stay dropped; SHUTDOWN is seen at once. */
class LeaveAndShutdownTest {

    private static final Duration RETENTION = Duration.ofSeconds(60);

    @Test
    void aNodeThatLeftIsEvictedEverywhereAtItsExpiryAndIsNotGossipedBackByALaggard() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("leave")).nodes(6).seeds(1)
                .configure(b -> b.leftRetention(RETENTION).quarantine(Duration.ofSeconds(600)))
                .build().startAll();
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(15));
        cluster.runFor(Duration.ofSeconds(10));

        // Node 4 is frozen from before the leave until after everyone else evicted the leaver.
        SimulatedNode laggard = cluster.node(4);
        laggard.stop();
        SimulatedNode leaver = cluster.node(5);
        Endpoint ep = leaver.endpoint();
        long leftAt = cluster.now();
        leaver.gossiper().announceLeft();
        List<SimulatedNode> present = cluster.nodes().subList(0, 4);
        cluster.runUntil("LEFT known and node marked down", () -> present.stream().allMatch(n ->
                !n.gossiper().isAlive(ep) && n.gossiper().endpointState(ep).flatMap(s -> s.status())
                        .map(s -> s.status() == NodeStatus.LEFT).orElse(false)), Duration.ofSeconds(10));
        cluster.runFor(Duration.ofSeconds(5));
        leaver.stop(); // a node that left shuts down

        cluster.runUntil("evicted everywhere", () -> present.stream()
                .noneMatch(n -> n.gossiper().endpointState(ep).isPresent()), RETENTION.plusSeconds(5));
        for (SimulatedNode n : present) {
            Event removed = n.events().first(Kind.REMOVE, ep, leftAt).orElseThrow();
            Duration after = Duration.ofNanos(removed.atNanos() - leftAt);
            assertTrue(after.compareTo(RETENTION) >= 0 && after.compareTo(RETENTION.plusSeconds(2)) <= 0,
                    "evicted after " + after + "; " + cluster.describe());
            assertFalse(n.gossiper().unreachableEndpoints().contains(ep));
        }

        laggard.resume(); // it still believes the leaver is NORMAL
        assertEquals(StatusValue.of(NodeStatus.NORMAL),
                laggard.gossiper().endpointState(ep).orElseThrow().status().orElseThrow());
        cluster.runFor(Duration.ofSeconds(30));
        for (SimulatedNode n : present) {
            assertEquals(1, n.events().events(Kind.JOIN, ep).size(), "re-added by the laggard; " + cluster.describe());
            assertTrue(n.gossiper().endpointState(ep).isEmpty(), cluster.describe());
        }
        // ...and the laggard was told, and evicted it too.
        assertTrue(laggard.gossiper().endpointState(ep).isEmpty(), cluster.describe());
        assertEquals(1, laggard.events().events(Kind.REMOVE, ep).size(), cluster.describe());
    }

    @Test
    void shutdownIsSeenAtOnceAndTheNodeIsUpAgainAfterRestart() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("shutdown")).nodes(5).seeds(1)
                .build().startAll();
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(15));
        cluster.runFor(Duration.ofSeconds(10));

        SimulatedNode node = cluster.node(2);
        Endpoint ep = node.endpoint();
        node.gossiper().announceShutdown();
        node.stop();
        Duration took = cluster.runUntil("shutdown seen", () -> cluster.nodes().stream()
                .filter(n -> n != node).noneMatch(n -> n.gossiper().isAlive(ep)), Duration.ofSeconds(1));
        System.out.println("shutdown seen by all in " + took);
        for (SimulatedNode n : cluster.nodes()) {
            if (n != node) {
                assertEquals(NodeStatus.SHUTDOWN, n.gossiper().endpointState(ep).orElseThrow()
                        .status().orElseThrow().status(), "state kept, marked shut down");
            }
        }

        cluster.runFor(Duration.ofSeconds(60)); // no flapping back up on stale heartbeats
        for (SimulatedNode n : cluster.nodes()) {
            if (n != node) {
                assertEquals(1, n.events().events(Kind.ALIVE, ep).size(), cluster.describe());
            }
        }

        node.restart();
        cluster.runUntil("back up after restart", cluster::converged, Duration.ofSeconds(10));
    }
}
