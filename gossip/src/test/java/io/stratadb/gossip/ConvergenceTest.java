package io.stratadb.gossip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.sim.RecordingListener.Kind;
import io.stratadb.gossip.sim.SimulatedCluster;
import io.stratadb.gossip.sim.SimulatedNode;
import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every node learns every other node's states, and later changes, within a bounded number of rounds. */
class ConvergenceTest {

    /**
     * Rounds (1 s each) for a fresh cluster to converge: states known and everyone seen alive.
     * Epidemic spread needs O(log N) rounds once nodes know each other, and the first rounds go
     * through the seeds. Over 500 seeds per shape the slowest run took 5.8 rounds (10 nodes, 2
     * seeds; mean 2.6 to 3.9); 10 leaves room for unlucky peer choices without hiding a protocol
     * that needs a round per node.
     */
    private static final int MAX_ROUNDS_TO_CONVERGE = 10;
    /** Rounds for one change to reach 8 nodes; slowest of 300 seeds: 3.5. */
    private static final int MAX_ROUNDS_TO_SPREAD_A_CHANGE = 6;

    private static Duration rounds(int n) {
        return Duration.ofSeconds(n);
    }

    @ParameterizedTest(name = "{0} nodes, {1} seeds")
    @CsvSource({"5, 1", "5, 2", "7, 1", "10, 1", "10, 2"})
    void everyNodeLearnsEveryOtherNodesStatesWithinBoundedRounds(int nodes, int seeds) {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("convergence-" + nodes + "-" + seeds))
                .nodes(nodes).seeds(seeds).build().startAll();

        Duration took = cluster.runUntil("convergence", cluster::converged, rounds(MAX_ROUNDS_TO_CONVERGE));

        System.out.println(nodes + " nodes, " + seeds + " seeds: converged in " + took);
        for (SimulatedNode a : cluster.nodes()) {
            for (SimulatedNode b : cluster.nodes()) {
                if (a != b) {
                    assertEquals(b.initialStates().get(ApplicationState.TOKENS),
                            a.gossiper().endpointState(b.endpoint()).orElseThrow()
                                    .get(ApplicationState.TOKENS).value(), cluster.describe());
                    assertEquals(1, a.events().events(Kind.JOIN, b.endpoint()).size(), cluster.describe());
                }
            }
            assertEquals(nodes, a.gossiper().liveEndpoints().size(), cluster.describe());
            assertTrue(a.gossiper().unreachableEndpoints().isEmpty(), cluster.describe());
        }
    }

    @Test
    void aStateChangeOnOneNodeReachesAllOthers() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("state-change")).nodes(8).seeds(2)
                .build().startAll();
        cluster.runUntil("convergence", cluster::converged, rounds(MAX_ROUNDS_TO_CONVERGE));

        SimulatedNode changer = cluster.node(5);
        long changedAt = cluster.now();
        changer.gossiper().updateLocalStates(Map.of(ApplicationState.LOAD, "123456",
                ApplicationState.SCHEMA_VERSION, "schema-2"));
        Endpoint ep = changer.endpoint();

        Duration took = cluster.runUntil("change propagated", () -> cluster.nodes().stream().allMatch(n ->
                n.gossiper().endpointState(ep).map(s -> s.get(ApplicationState.SCHEMA_VERSION))
                        .filter(v -> v.value().equals("schema-2")).isPresent()), rounds(MAX_ROUNDS_TO_SPREAD_A_CHANGE));

        System.out.println("change reached 8 nodes in " + took);
        for (SimulatedNode n : cluster.nodes()) {
            if (n != changer) {
                assertEquals(2, n.events().since(Kind.CHANGE, changedAt).size(), cluster.describe());
                assertEquals("123456", n.gossiper().endpointState(ep).orElseThrow()
                        .get(ApplicationState.LOAD).value(), cluster.describe());
            }
        }
    }

    @Test
    void convergesOverALossyNetwork() {
        SimulatedCluster cluster = SimulatedCluster.builder(TestSeed.pick("lossy")).nodes(8).seeds(2).build();
        cluster.network().setDropProbability(0.2);
        cluster.network().setLatency(Duration.ofMillis(1), Duration.ofMillis(300));
        cluster.startAll();

        // Slowest of 300 seeds: 17.8 s.
        Duration took = cluster.runUntil("convergence with 20% loss", cluster::converged, Duration.ofSeconds(30));
        System.out.println("lossy convergence in " + took);
    }

    /** Many random cluster shapes from one seed; any failure names the seed that replays it. */
    @Test
    void randomClustersConverge() {
        SplittableRandom random = new SplittableRandom(TestSeed.pick("random-clusters"));
        for (int run = 0; run < 20; run++) {
            int nodes = 5 + random.nextInt(6);
            int seeds = 1 + random.nextInt(2);
            double drop = random.nextDouble() * 0.1;
            SimulatedCluster cluster = SimulatedCluster.builder(random.nextLong()).nodes(nodes).seeds(seeds).build();
            cluster.network().setDropProbability(drop);
            cluster.startAll();
            cluster.runUntil("convergence of " + nodes + " nodes, " + seeds + " seeds, drop " + drop,
                    cluster::converged, Duration.ofSeconds(25));
        }
    }
}
