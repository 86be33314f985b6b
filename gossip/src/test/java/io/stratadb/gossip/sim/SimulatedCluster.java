package io.stratadb.gossip.sim;

import io.stratadb.gossip.GossipConfig;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.NodeStatus;
import io.stratadb.gossip.state.StatusValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * N gossipers on 127.0.0.1:7000.. wired through a {@link SimulatedNetwork}, on one clock, all
 * randomness derived from one seed. The first {@code seeds} nodes are the seeds.
 */
public final class SimulatedCluster {

    public static final String CLUSTER_NAME = "sim";
    public static final long START_WALL_MILLIS = 1_700_000_000_000L;

    private final long seed;
    private final SimulatedClock clock = new SimulatedClock(START_WALL_MILLIS);
    private final EventLoop loop = new EventLoop(clock);
    private final SimulatedNetwork network;
    private final SplittableRandom random;
    private final List<SimulatedNode> nodes = new ArrayList<>();

    private SimulatedCluster(Builder b) {
        this.seed = b.seed;
        this.random = new SplittableRandom(b.seed);
        this.network = new SimulatedNetwork(loop, random.split());
        Set<Endpoint> seeds = new LinkedHashSet<>();
        for (int i = 0; i < b.seedCount; i++) {
            seeds.add(endpoint(i));
        }
        for (int i = 0; i < b.nodeCount; i++) {
            GossipConfig.Builder config = GossipConfig.builder(CLUSTER_NAME, endpoint(i)).seeds(seeds);
            GossipConfig built = b.perNode.apply(i, b.common.apply(config)).build();
            nodes.add(new SimulatedNode(built, loop, network, random.split(), initialStates(i)));
        }
    }

    public static Builder builder(long seed) {
        return new Builder(seed);
    }

    public static Endpoint endpoint(int i) {
        return Endpoint.of("127.0.0.1", 7000 + i);
    }

    /** Starts every node now; first ticks are spread at random over one interval. */
    public SimulatedCluster startAll() {
        for (SimulatedNode node : nodes) {
            node.start(clock.nanoTime() + random.nextLong(node.interval()));
        }
        return this;
    }

    public long seed() {
        return seed;
    }

    public SimulatedNode node(int i) {
        return nodes.get(i);
    }

    public List<SimulatedNode> nodes() {
        return List.copyOf(nodes);
    }

    public List<Endpoint> endpoints(int fromInclusive, int toExclusive) {
        List<Endpoint> out = new ArrayList<>();
        for (int i = fromInclusive; i < toExclusive; i++) {
            out.add(endpoint(i));
        }
        return out;
    }

    public SimulatedNetwork network() {
        return network;
    }

    public SimulatedClock clock() {
        return clock;
    }

    public long now() {
        return clock.nanoTime();
    }

    public void runFor(Duration d) {
        loop.runFor(d);
    }

    /**
     * Runs until {@code condition} holds, checking every 100 ms of simulated time.
     *
     * @return how long it took
     * @throws AssertionError naming the seed and every node's view if {@code max} passes first
     */
    public Duration runUntil(String what, BooleanSupplier condition, Duration max) {
        long start = clock.nanoTime();
        long deadline = start + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (clock.nanoTime() >= deadline) {
                throw new AssertionError(what + " not reached within " + max + "; " + describe());
            }
            loop.runFor(Duration.ofMillis(100));
        }
        return Duration.ofNanos(clock.nanoTime() - start);
    }

    /** Every running node knows every other running node's current values and sees it alive. */
    public boolean converged() {
        for (SimulatedNode a : nodes) {
            for (SimulatedNode b : nodes) {
                if (a == b || !a.isRunning() || !b.isRunning()) {
                    continue;
                }
                Optional<EndpointState> known = a.gossiper().endpointState(b.endpoint());
                if (known.isEmpty() || !known.get().states().equals(b.localState().states())
                        || known.get().generation() != b.generation() || !a.gossiper().isAlive(b.endpoint())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The seed and each node's view, for failure messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder("seed=").append(seed).append(" (rerun with -Dseed=").append(seed)
                .append("), t=").append(clock.elapsed()).append('\n');
        for (SimulatedNode n : nodes) {
            sb.append("  ").append(n.endpoint()).append(n.isRunning() ? " running" : " STOPPED");
            if (n.gossiper() != null) {
                sb.append(" gen=").append(n.generation())
                        .append(" live=").append(n.gossiper().liveEndpoints())
                        .append(" down=").append(n.gossiper().unreachableEndpoints());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private Map<ApplicationState, String> initialStates(int i) {
        Map<ApplicationState, String> states = new EnumMap<>(ApplicationState.class);
        states.put(ApplicationState.HOST_ID, "host-" + i + "-" + Long.toHexString(random.nextLong()));
        states.put(ApplicationState.TOKENS, random.nextLong() + "," + random.nextLong());
        states.put(ApplicationState.DATACENTER, "dc1");
        states.put(ApplicationState.RACK, "rack" + (i % 3));
        states.put(ApplicationState.CLIENT_ADDRESS, "127.0.0.1:" + (9042 + i));
        states.put(ApplicationState.RELEASE_VERSION, "0.1.0");
        states.put(ApplicationState.STATUS, StatusValue.of(NodeStatus.NORMAL).encode());
        return states;
    }

    public static final class Builder {
        private final long seed;
        private int nodeCount = 5;
        private int seedCount = 1;
        private UnaryOperator<GossipConfig.Builder> common = UnaryOperator.identity();
        private PerNode perNode = (i, b) -> b;

        /** Adjusts one node's config after the common settings. */
        @FunctionalInterface
        public interface PerNode {
            GossipConfig.Builder apply(int index, GossipConfig.Builder builder);
        }

        private Builder(long seed) {
            this.seed = seed;
        }

        public Builder nodes(int n) {
            this.nodeCount = n;
            return this;
        }

        public Builder seeds(int n) {
            this.seedCount = n;
            return this;
        }

        public Builder configure(UnaryOperator<GossipConfig.Builder> common) {
            this.common = common;
            return this;
        }

        public Builder configureNode(PerNode perNode) {
            this.perNode = perNode;
            return this;
        }

        public SimulatedCluster build() {
            return new SimulatedCluster(this);
        }
    }
}
