package io.stratadb.node.hints;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.gossip.EndpointStateListener;
import io.stratadb.gossip.state.ApplicationState;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.gossip.state.VersionedValue;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.coordinator.HintSink;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hinted handoff for the node: the coordinator's {@link HintSink} over the {@link HintStore}, and the
 * trigger that replays a target's hints when gossip sees it come back (and on a periodic check, so a
 * replay cut short by a timeout resumes). Replays share one {@link RateLimit}, the node's
 * {@code hinted_handoff_throttle_kb}.
 */
public final class HintService implements HintSink, EndpointStateListener {

    private static final Logger log = LoggerFactory.getLogger(HintService.class);

    private final HintStore store;
    private final HintWindow window;
    private final boolean enabled;
    private final Clock clock;
    private final ClusterState cluster;
    private final HintSender sender;
    private final RateLimit rateLimit;

    public HintService(HintStore store, HintWindow window, boolean enabled, Clock clock, ClusterState cluster,
                       HintSender sender, RateLimit rateLimit) {
        this.store = store;
        this.window = window;
        this.enabled = enabled;
        this.clock = clock;
        this.cluster = cluster;
        this.sender = sender;
        this.rateLimit = rateLimit;
    }

    @Override
    public CompletableFuture<Void> hint(NodeInfo target, Mutation mutation, Long downSinceMillis) {
        if (!enabled) {
            return HintSink.NONE.hint(target, mutation, downSinceMillis);
        }
        long now = nowMillis();
        if (downSinceMillis != null && !window.shouldHint(downSinceMillis, now)) {
            return CompletableFuture.failedFuture(new IllegalStateException(target + " has been down longer than "
                    + "max_hint_window_ms " + window.maxHintWindowMillis() + "; not hinting"));
        }
        return store.store(target.id(), new Hint(now, mutation));
    }

    @Override
    public void onAlive(Endpoint endpoint, EndpointState state) {
        VersionedValue hostId = state.get(ApplicationState.HOST_ID);
        if (hostId != null) {
            replayIfPending(hostId.value());
        }
    }

    /** Starts a replay for every target that has hints and is up; the node calls this periodically. */
    public void replayPending() {
        ClusterView view = cluster.view();
        for (Map.Entry<String, Long> e : store.pendingByTarget().entrySet()) {
            NodeInfo node = view.ring().nodes().stream().filter(n -> n.id().equals(e.getKey())).findFirst().orElse(null);
            if (node != null && view.isAlive(node)) {
                replayIfPending(e.getKey());
            }
        }
    }

    private void replayIfPending(String hostId) {
        if (store.pendingHints(hostId) == 0) {
            return;
        }
        try {
            HintReplay replay = store.replay(hostId, sender, rateLimit);
            replay.result().thenAccept(r -> log.info("Hint replay to {}: {}", hostId, r));
        } catch (RuntimeException e) {
            log.warn("Could not start hint replay to {}: {}", hostId, e.toString());
        }
    }

    public Map<String, Long> pendingByTarget() {
        return store.pendingByTarget();
    }

    private long nowMillis() {
        return clock.currentTimeMicros() / 1000;
    }
}
