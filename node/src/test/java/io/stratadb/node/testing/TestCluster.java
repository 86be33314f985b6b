package io.stratadb.node.testing;

import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.NodeEnvironment;
import io.stratadb.node.StrataNode;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.config.NodeConfigBuilder;
import io.stratadb.node.messaging.MessageFilter;
import io.stratadb.storage.Clock;
import io.stratadb.storage.io.LocalFileSystem;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;

/**
 * Several {@link StrataNode}s in this JVM on 127.0.0.1 and free ports, started one after the other (each
 * new node learns the ring from the first, its seed), with fast gossip so the failure detector convicts
 * in about two seconds, and one {@link MessageFilter} shared by all so a test can cut and heal links.
 * A stopped node restarts on the same ports and data directory, as a real restart would.
 */
public final class TestCluster implements AutoCloseable {

    public static final int GOSSIP_INTERVAL_MS = 100;

    private final Path dir;
    private final BiFunction<Integer, NodeConfigBuilder, NodeConfigBuilder> tweak;
    private final IntFunction<Clock> clocks;
    private final MessageFilter filter = new MessageFilter();
    private final List<StrataNode> nodes = new ArrayList<>();
    private final List<int[]> ports = new ArrayList<>();
    private String seed;

    public TestCluster(Path dir, BiFunction<Integer, NodeConfigBuilder, NodeConfigBuilder> tweak, IntFunction<Clock> clocks) {
        this.dir = dir;
        this.tweak = tweak;
        this.clocks = clocks;
    }

    public static TestCluster start(Path dir, int size) {
        return start(dir, size, b -> b);
    }

    public static TestCluster start(Path dir, int size, UnaryOperator<NodeConfigBuilder> tweak) {
        return start(dir, size, (i, b) -> tweak.apply(b), i -> Clock.system());
    }

    /** Node {@code i} gets {@code tweak.apply(i, config)} and {@code clocks.apply(i)} as its clock. */
    public static TestCluster start(Path dir, int size, BiFunction<Integer, NodeConfigBuilder, NodeConfigBuilder> tweak,
                                    IntFunction<Clock> clocks) {
        TestCluster c = new TestCluster(dir, tweak, clocks);
        try {
            for (int i = 0; i < size; i++) {
                c.add();
            }
            c.awaitConverged();
        } catch (RuntimeException | Error e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void add() {
        int i = nodes.size();
        StrataNode n = new StrataNode(config(i, 0, 0).build(), environment(i));
        n.start();
        nodes.add(n);
        ports.add(new int[] {n.clientAddress().getPort(), n.internodeEndpoint().port()});
        if (seed == null) {
            seed = n.internodeEndpoint().toString();
        }
    }

    private NodeConfigBuilder config(int i, int clientPort, int internodePort) {
        NodeConfigBuilder b = TestNodes.config(dir.resolve("node" + i))
                .clientPort(clientPort)
                .internodePort(internodePort)
                .clusterName("test-cluster")
                .gossipIntervalMs(GOSSIP_INTERVAL_MS)
                .ringDelayMs(10_000)
                .readTimeoutMs(2_000)
                .writeTimeoutMs(1_000)
                .seeds(seed == null ? List.of() : List.of(seed));
        return tweak.apply(i, b);
    }

    private NodeEnvironment environment(int i) {
        return new NodeEnvironment(clocks.apply(i), new LocalFileSystem(), filter);
    }

    public StrataNode node(int i) {
        return nodes.get(i);
    }

    public int size() {
        return nodes.size();
    }

    public MessageFilter filter() {
        return filter;
    }

    /** Stops node {@code i} gracefully (it announces shutdown, so peers mark it down at once). */
    public void stop(int i) {
        nodes.get(i).close();
    }

    /** Starts node {@code i} again on its old ports and data. */
    public StrataNode restart(int i) {
        int[] p = ports.get(i);
        StrataNode n = new StrataNode(config(i, p[0], p[1]).build(), environment(i));
        n.start();
        nodes.set(i, n);
        return n;
    }

    /** Waits until every running node sees every running node UP in a ring with all of them. */
    public void awaitConverged() {
        await("the cluster to converge", () -> {
            for (StrataNode a : nodes) {
                if (!a.isRunning()) {
                    continue;
                }
                ClusterView v = a.clusterView();
                for (StrataNode b : nodes) {
                    if (b.isRunning() && !upIn(v, b.hostId())) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /** Waits until {@code observer} sees the node with {@code hostId} in state {@code state}. */
    public void awaitState(int observer, String hostId, NodeState state) {
        await("node " + observer + " to see " + hostId + " " + state, () -> {
            ClusterView v = nodes.get(observer).clusterView();
            return v.ring().nodes().stream().anyMatch(n -> n.id().equals(hostId) && v.state(n) == state);
        });
    }

    private static boolean upIn(ClusterView v, String hostId) {
        for (NodeInfo n : v.ring().nodes()) {
            if (n.id().equals(hostId)) {
                return v.state(n) == NodeState.UP;
            }
        }
        return false;
    }

    public static void await(String what, BooleanSupplier condition) {
        await(what, condition, Duration.ofSeconds(30));
    }

    public static void await(String what, BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    @Override
    public void close() {
        filter.clear();
        for (StrataNode n : nodes) {
            try {
                n.close();
            } catch (RuntimeException e) {
                // keep closing the others
            }
        }
    }
}
