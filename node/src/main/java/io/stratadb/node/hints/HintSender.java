package io.stratadb.node.hints;

import java.util.concurrent.CompletableFuture;

/**
 * Delivers one hint to its target node. An interface so replay logic is tested without a network; the
 * node implements it over internode messaging.
 */
@FunctionalInterface
public interface HintSender {

    /**
     * Sends {@code hint} to {@code hostId}. The future completes when the target acknowledged the write
     * (applied it durably as any replica write), and exceptionally if it did not: an error, or a timeout
     * the sender enforces (replay itself never times a send out, so a sender must not leave it pending
     * for ever).
     */
    CompletableFuture<Void> send(String hostId, Hint hint);
}
