package io.stratadb.client.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.routing.ClusterView;
import io.stratadb.client.routing.Node;
import io.stratadb.client.routing.NodeHealth;
import io.stratadb.client.routing.LoadBalancingPolicy;
import io.stratadb.client.routing.RoutingInfo;
import io.stratadb.client.testing.ManualTicker;
import io.stratadb.client.testing.ManualTimer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The topology monitor driven by hand: fetches are futures the test completes, time moves when told. */
class TopologyMonitorTest {
    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    private final ManualTimer timer = new ManualTimer();
    private final ManualTicker ticker = new ManualTicker();
    private final NodeHealth health = new NodeHealth(ticker, failures -> TimeUnit.SECONDS.toNanos(5));
    private final List<CompletableFuture<Response>> fetches = new ArrayList<>();
    private final List<List<Node>> connected = new ArrayList<>();
    private final List<ClusterView> policyViews = new ArrayList<>();
    private final LoadBalancingPolicy policy = new LoadBalancingPolicy() {
        @Override
        public void init(List<Node> nodes) {
        }

        @Override
        public Iterator<Node> queryPlan(RoutingInfo routing) {
            return Collections.emptyIterator();
        }

        @Override
        public void onClusterChange(ClusterView view) {
            policyViews.add(view);
        }
    };
    private final TopologyMonitor monitor = new TopologyMonitor(policy, health, timer, ticker, INTERVAL,
            MIN_INTERVAL, List.of(node(0)));

    private static Node node(int i) {
        return new Node(new InetSocketAddress("127.0.0.1", 30_000 + i));
    }

    private static TopologyResult topology(int nodes, String... keyspaces) {
        List<NodeDescription> described = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            described.add(new NodeDescription("n" + i, node(i).address(), "dc1", "r1", NodeState.UP,
                    List.of(-1000L + i)));
        }
        List<KeyspaceDefinition> defs = new ArrayList<>();
        for (String k : keyspaces) {
            defs.add(new KeyspaceDefinition(k, new ReplicationSettings.Simple(1)));
        }
        return new TopologyResult(Murmur3Partitioner.NAME, described, defs);
    }

    private CompletableFuture<Void> start() {
        return monitor.start(connected::add, () -> {
            CompletableFuture<Response> f = new CompletableFuture<>();
            fetches.add(f);
            return f;
        });
    }

    private void answerLast(Response answer) {
        fetches.get(fetches.size() - 1).complete(answer);
    }

    private void advance(long millis) {
        ticker.advanceMillis(millis);
        timer.advance(millis, TimeUnit.MILLISECONDS);
    }

    @Test
    void theFirstFetchIsAppliedToPoolsPolicyAndView() {
        CompletableFuture<Void> started = start();
        assertEquals(1, fetches.size());
        assertFalse(started.isDone(), "waits for the answer");
        assertEquals(List.of(node(0)), monitor.view().nodes(), "the contact points meanwhile");
        answerLast(topology(3, "ks"));
        assertTrue(started.isDone());
        assertEquals(List.of(List.of(node(0), node(1), node(2))), connected);
        assertEquals(1, policyViews.size());
        assertTrue(monitor.view().topology().hasKeyspace("ks"));
    }

    @Test
    void aFailedFirstFetchStillLetsTheClientStartAndKeepsTheContactPoints() {
        CompletableFuture<Void> started = start();
        fetches.get(0).completeExceptionally(new ConnectionException(node(0).address(), true, "lost", null));
        assertTrue(started.isDone());
        assertFalse(started.isCompletedExceptionally());
        assertEquals(List.of(node(0)), monitor.view().nodes());
        assertTrue(connected.isEmpty());
    }

    @Test
    void theTopologyIsFetchedAgainEveryInterval() {
        start();
        answerLast(topology(1));
        advance(INTERVAL.toMillis() - 1);
        assertEquals(1, fetches.size());
        advance(1);
        assertEquals(2, fetches.size());
        answerLast(topology(2));
        assertEquals(List.of(node(0), node(1)), monitor.view().nodes());
        advance(INTERVAL.toMillis());
        assertEquals(3, fetches.size());
    }

    @Test
    void anUnknownKeyspacePromptsAFetchButNoSoonerThanTheMinimumInterval() {
        start();
        answerLast(topology(1, "ks"));
        monitor.keyspaceUsed("ks");
        assertEquals(1, fetches.size(), "a known keyspace needs nothing");
        advance(100);
        monitor.keyspaceUsed("fresh");
        monitor.keyspaceUsed("fresh");
        assertEquals(1, fetches.size(), "deferred to a second after the last fetch began");
        advance(MIN_INTERVAL.toMillis() - 100);
        assertEquals(2, fetches.size(), "one fetch for the burst");
        answerLast(topology(1, "ks", "fresh"));
        monitor.keyspaceUsed("fresh");
        advance(5 * MIN_INTERVAL.toMillis());
        assertEquals(2, fetches.size(), "learned: no more fetches");
    }

    @Test
    void aRequestForAFetchWhileOneRunsMakesOneMoreAfterIt() {
        start();
        monitor.refreshSoon();
        monitor.refreshSoon();
        assertEquals(1, fetches.size());
        advance(2 * MIN_INTERVAL.toMillis());
        answerLast(topology(1));
        assertEquals(2, fetches.size(), "the answer may predate the change: fetched again at once");
        answerLast(topology(1));
        advance(2 * MIN_INTERVAL.toMillis());
        assertEquals(2, fetches.size());
    }

    @Test
    void aNodeWhoseConnectionFailedIsDownForRoutingAndPromptsAFetch() {
        start();
        answerLast(topology(2));
        advance(2 * MIN_INTERVAL.toMillis());
        monitor.onDown(node(1), new ConnectionException(node(1).address(), false, "refused", null));
        assertTrue(monitor.view().isDown(node(1)));
        assertEquals(2, fetches.size(), "fetched at once: the node may have left the ring");
        monitor.onUp(node(1));
        assertFalse(monitor.view().isDown(node(1)));
    }

    @Test
    void anUnusableAnswerKeepsThePreviousView() {
        start();
        answerLast(topology(2, "ks"));
        advance(INTERVAL.toMillis());
        answerLast(new TopologyResult(Murmur3Partitioner.NAME, List.of(), List.of()));
        assertEquals(2, monitor.view().nodes().size(), "no nodes: ignored");
        advance(INTERVAL.toMillis());
        NodeDescription a = new NodeDescription("a", node(0).address(), "dc1", "r1", NodeState.UP, List.of(5L));
        NodeDescription b = new NodeDescription("b", node(1).address(), "dc1", "r1", NodeState.UP, List.of(5L));
        answerLast(new TopologyResult(Murmur3Partitioner.NAME, List.of(a, b), List.of()));
        assertTrue(monitor.view().topology().hasKeyspace("ks"), "two nodes on one token: ignored");
        assertEquals(1, connected.size());
        assertEquals(1, policyViews.size());
    }

    @Test
    void afterCloseNothingIsFetchedOrApplied() {
        start();
        monitor.close();
        answerLast(topology(3));
        assertTrue(connected.isEmpty());
        monitor.refreshSoon();
        advance(2 * INTERVAL.toMillis());
        assertEquals(1, fetches.size());
    }
}
