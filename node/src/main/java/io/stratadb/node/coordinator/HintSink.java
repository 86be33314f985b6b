package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.storage.Mutation;

import java.util.concurrent.CompletableFuture;

/**
 * Where the coordinator keeps a write for a replica that is down or did not acknowledge in time. An
 * interface so the write path is tested without files; the node's implementation is
 * {@code io.stratadb.node.hints.HintService}.
 */
public interface HintSink {

    /** A sink that never hints (hinted handoff disabled, or a node alone). */
    HintSink NONE = (target, mutation, downSinceMillis) ->
            CompletableFuture.failedFuture(new IllegalStateException("hinted handoff is disabled"));

    /**
     * Keeps {@code mutation} for {@code target}. Completes once the hint is durable; fails if it was not
     * kept (disabled, the target has been down longer than the hint window, or the store failed).
     *
     * @param downSinceMillis when the target went down, or null if it is up (it timed out)
     */
    CompletableFuture<Void> hint(NodeInfo target, Mutation mutation, Long downSinceMillis);
}
