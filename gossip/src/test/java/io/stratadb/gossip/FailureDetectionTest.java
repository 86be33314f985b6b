package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.sim.RecordingListener.Event;
import io.stratadb.gossip.sim.RecordingListener.Kind;
import io.stratadb.gossip.sim.SimulatedCluster;
import io.stratadb.gossip.sim.SimulatedNode;
import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.Endpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Nodes that stop are marked down by everyone in the time phi 8 implies, and up again when they return. */
class FailureDetectionTest {

    /**
     * With heartbeats seen about once a second, phi = t / (mean * ln 10) crosses 8 after
     * 18.4 * mean seconds of silence. The mean a peer observes lies between about 1 s (every
     * heartbeat seen) and 2 s (longer gaps count as 2 s), and the last heartbeat an observer saw may
     * be a couple of rounds older than the moment the node stopped. Hence 15..45 s; over 200 seeds
     * the observed range was 18.2..29 s.
     */
    private static final Duration EARLIEST_CONVICTION = Duration.ofSeconds(15);
    private static final Duration LATEST_CONVICTION = Duration.ofSeconds(45);

    @Test
    void aStoppedNodeIsMarkedDownInTheTimePhi8ImpliesAndUpWhenItResumes() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("stop-resume")).nodes(8).seeds(2)
                .build().startAll();
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(15));
        cluster.runFor(Duration.ofSeconds(60)); // fill the arrival windows

        SimulatedNode victim = cluster.node(4);
        Endpoint ep = victim.endpoint();
        long stoppedAt = cluster.now();
        victim.stop();
        cluster.runUntil("everyone marks " + ep + " down", () -> others(cluster, victim).stream()
                .noneMatch(n -> n.gossiper().isAlive(ep)), LATEST_CONVICTION.plusSeconds(5));

        for (SimulatedNode observer : others(cluster, victim)) {
            Event dead = observer.events().first(Kind.DEAD, ep, stoppedAt).orElseThrow();
            Duration after = Duration.ofNanos(dead.atNanos() - stoppedAt);
            System.out.println(observer.endpoint() + " convicted " + ep + " after " + after);
            assertTrue(after.compareTo(EARLIEST_CONVICTION) >= 0 && after.compareTo(LATEST_CONVICTION) <= 0,
                    "conviction after " + after + "; " + cluster.describe());
            assertTrue(observer.gossiper().unreachableEndpoints().contains(ep));
            assertTrue(observer.gossiper().endpointState(ep).isPresent(), "a dead node's state is kept");
        }

        long resumedAt = cluster.now();
        victim.resume();
        Duration back = cluster.runUntil("everyone marks " + ep + " up", cluster::converged, Duration.ofSeconds(10));
        System.out.println(ep + " back up everywhere after " + back);
        for (SimulatedNode observer : others(cluster, victim)) {
            assertEquals(1, observer.events().events(Kind.DEAD, ep).size(), cluster.describe());
            assertTrue(observer.events().first(Kind.ALIVE, ep, resumedAt).isPresent(), cluster.describe());
        }
        // Its own silence was a local pause to the resumed node: it convicted nobody.
        assertEquals(0, victim.events().count(Kind.DEAD), cluster.describe());
    }

    @Test
    void aPartitionMarksTheOtherHalfDownAndHeals() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("partition")).nodes(10).seeds(2)
                .build().startAll();
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(15));
        cluster.runFor(Duration.ofSeconds(30));

        List<Endpoint> left = cluster.endpoints(0, 5);
        List<Endpoint> right = cluster.endpoints(5, 10);
        cluster.network().partition(left, right);
        long cutAt = cluster.now();

        cluster.runUntil("each half sees the other down", () -> cluster.nodes().stream().allMatch(n ->
                n.gossiper().liveEndpoints().size() == 5), LATEST_CONVICTION.plusSeconds(5));
        System.out.println("halves split after " + Duration.ofNanos(cluster.now() - cutAt));
        for (SimulatedNode n : cluster.nodes()) {
            List<Endpoint> mySide = left.contains(n.endpoint()) ? left : right;
            assertEquals(mySide.size(), n.gossiper().liveEndpoints().size(), cluster.describe());
            assertTrue(n.gossiper().liveEndpoints().containsAll(mySide), cluster.describe());
            for (Event dead : n.events().since(Kind.DEAD, cutAt)) {
                assertTrue(Duration.ofNanos(dead.atNanos() - cutAt).compareTo(EARLIEST_CONVICTION) >= 0,
                        "convicted too early: " + dead + "; " + cluster.describe());
            }
        }

        cluster.network().heal();
        Duration healed = cluster.runUntil("partition healed", cluster::converged, Duration.ofSeconds(15));
        System.out.println("healed after " + healed);
    }

    @Test
    void healthyPeersKeepLowPhiAndAreNeverConvictedOnALossyNetwork() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("no-false-positives")).nodes(6).seeds(1)
                .build();
        cluster.network().setDropProbability(0.1);
        cluster.network().setLatency(Duration.ofMillis(1), Duration.ofMillis(200));
        cluster.startAll();
        cluster.runUntil("convergence", cluster::converged, Duration.ofSeconds(20));

        double maxPhi = 0;
        for (int second = 0; second < 300; second++) {
            cluster.runFor(Duration.ofSeconds(1));
            for (SimulatedNode a : cluster.nodes()) {
                for (SimulatedNode b : cluster.nodes()) {
                    if (a != b) {
                        maxPhi = Math.max(maxPhi, a.gossiper().phi(b.endpoint()));
                    }
                }
            }
        }
        System.out.println("max phi over 300 s with 10% loss: " + maxPhi);
        for (SimulatedNode n : cluster.nodes()) {
            assertEquals(0, n.events().count(Kind.DEAD), cluster.describe());
        }
        assertTrue(maxPhi < 4, "max phi " + maxPhi + "; " + cluster.describe());
    }

    private static List<SimulatedNode> others(SimulatedCluster cluster, SimulatedNode node) {
        return cluster.nodes().stream().filter(n -> n != node).toList();
    }
}
