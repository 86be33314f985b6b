package io.stratadb.node.messaging.payload;

import java.util.Objects;

/**
 * A stored hint replayed to the replica that missed it. Its own verb (not MUTATION) so the receiver can
 * count and throttle replay apart from live writes; {@code hintId} lets the sender match the ack to the
 * hint it may delete.
 */
public record HintPayload(long hintId, MutationPayload mutation) {

    public HintPayload {
        Objects.requireNonNull(mutation, "mutation");
    }
}
