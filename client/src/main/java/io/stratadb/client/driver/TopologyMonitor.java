package io.stratadb.client.driver;

import io.netty.util.Timer;
import io.stratadb.client.pool.NodeStateListener;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.routing.ClusterView;
import io.stratadb.client.routing.LoadBalancingPolicy;
import io.stratadb.client.routing.Node;
import io.stratadb.client.routing.NodeHealth;
import io.stratadb.client.routing.TopologySnapshot;
import io.stratadb.client.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the client's view of the cluster current: fetches TOPOLOGY when the client starts, then every
 * refresh interval, and promptly (within {@link RefreshThrottle}'s limits) when a request names a keyspace
 * the view does not have, when a node's connection fails, and after a schema change. Each answer becomes a
 * {@link TopologySnapshot}: new nodes get pools, nodes that left have theirs closed, and the load-balancing
 * policy gets the new {@link ClusterView}. It also records in {@link NodeHealth} the nodes whose pools
 * lost or regained their connections.
 *
 * <p>A failed fetch keeps the previous view. So does an answer that cannot be used (no nodes, two nodes on
 * one token), with a warning.
 */
public final class TopologyMonitor implements NodeStateListener {
    private static final Logger log = LoggerFactory.getLogger(TopologyMonitor.class);

    private final LoadBalancingPolicy policy;
    private final NodeHealth health;
    private final Timer timer;
    private final Ticker ticker;
    private final long intervalNanos;
    private final RefreshThrottle throttle; // guarded by this
    private volatile ClusterView view;
    private volatile Consumer<List<Node>> connectTo;
    private volatile Supplier<CompletableFuture<Response>> fetch;
    private volatile boolean closed;
    private boolean warnedPartitioner; // guarded by this

    /**
     * @param interval    time between periodic fetches
     * @param minInterval least time between the starts of two fetches, bounding prompt refreshes
     */
    public TopologyMonitor(LoadBalancingPolicy policy, NodeHealth health, Timer timer, Ticker ticker,
                           Duration interval, Duration minInterval, List<Node> contactPoints) {
        this.policy = policy;
        this.health = health;
        this.timer = timer;
        this.ticker = ticker;
        this.intervalNanos = interval.toNanos();
        this.throttle = new RefreshThrottle(minInterval.toNanos());
        this.view = new ClusterView(TopologySnapshot.ofContactPoints(contactPoints), health);
    }

    /**
     * Makes the first fetch and starts the periodic ones. The result completes once the first answer was
     * applied or the fetch failed (the client then routes over its contact points until a fetch succeeds).
     *
     * @param connectTo given each new node list: keeps the pools in step with it (opens pools for new
     *                  nodes, closes those of nodes that left)
     * @param fetch     sends one TOPOLOGY request
     */
    public CompletableFuture<Void> start(Consumer<List<Node>> connectTo, Supplier<CompletableFuture<Response>> fetch) {
        this.connectTo = connectTo;
        this.fetch = fetch;
        long decision;
        synchronized (this) {
            decision = throttle.request(ticker.nanos());
        }
        CompletableFuture<Void> first = decision == 0 ? runFetch() : CompletableFuture.completedFuture(null);
        schedulePeriodic();
        return first;
    }

    /** The current view. */
    public ClusterView view() {
        return view;
    }

    /** A data request names {@code keyspace}: fetch the topology if the view does not know it. */
    public void keyspaceUsed(String keyspace) {
        if (!view.topology().hasKeyspace(keyspace)) {
            refreshSoon();
        }
    }

    /** Fetch the topology as soon as the throttle allows (after a schema change, for one). */
    public void refreshSoon() {
        if (closed || fetch == null) {
            return;
        }
        long decision;
        synchronized (this) {
            decision = throttle.request(ticker.nanos());
        }
        act(decision);
    }

    @Override
    public void onUp(Node node) {
        health.markUp(node);
    }

    @Override
    public void onDown(Node node, Throwable cause) {
        health.markFailed(node);
        refreshSoon();
    }

    /** Stops fetching. */
    public void close() {
        closed = true;
    }

    private void act(long decision) {
        if (decision == 0) {
            runFetch();
        } else if (decision > 0) {
            schedule(this::onDeferredDue, decision);
        }
    }

    private void onDeferredDue() {
        boolean go;
        synchronized (this) {
            go = !closed && throttle.deferredDue(ticker.nanos());
        }
        if (go) {
            runFetch();
        }
    }

    private CompletableFuture<Void> runFetch() {
        CompletableFuture<Response> answer;
        try {
            answer = fetch.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((response, error) -> {
            if (error != null) {
                log.debug("fetching the topology failed: {}", error.toString());
            } else if (response instanceof TopologyResult result) {
                apply(result);
            } else {
                log.warn("TOPOLOGY answered with {}; keeping the previous topology", response);
            }
            long next;
            synchronized (this) {
                next = throttle.finished(ticker.nanos());
            }
            if (!closed) {
                act(next);
            }
            return null;
        });
    }

    /** One fetch runs at a time (the throttle sees to it), so applies do not interleave. */
    private void apply(TopologyResult result) {
        if (closed) {
            return;
        }
        TopologySnapshot snapshot;
        try {
            snapshot = TopologySnapshot.of(result);
        } catch (IllegalArgumentException e) {
            log.warn("ignoring an inconsistent topology: {}", e.getMessage());
            return;
        }
        if (snapshot.nodes().isEmpty()) {
            log.warn("ignoring a topology without nodes");
            return;
        }
        synchronized (this) {
            if (!Murmur3Partitioner.NAME.equals(result.partitioner()) && !warnedPartitioner) {
                warnedPartitioner = true;
                log.warn("the cluster uses partitioner {}, which this client cannot compute: requests go to any node,"
                        + " not to the replicas of their key", result.partitioner());
            }
        }
        connectTo.accept(snapshot.nodes());
        ClusterView updated = new ClusterView(snapshot, health);
        view = updated;
        policy.onClusterChange(updated);
        log.debug("topology applied: {}", snapshot);
    }

    private void schedulePeriodic() {
        schedule(() -> {
            refreshSoon();
            if (!closed) {
                schedulePeriodic();
            }
        }, intervalNanos);
    }

    private void schedule(Runnable task, long delayNanos) {
        if (closed) {
            return;
        }
        try {
            timer.newTimeout(t -> task.run(), delayNanos, TimeUnit.NANOSECONDS);
        } catch (IllegalStateException e) {
            // The timer was stopped: the client is closing.
        }
    }
}
