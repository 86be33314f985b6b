package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;

/**
 * Handles one verb. For a request it answers through the {@link Replier} (at most once, from any thread,
 * now or later); for a one-way message the replier ignores replies. If {@code handle} throws, the
 * requester gets a FAILURE_RESPONSE instead of waiting for its timeout.
 */
@FunctionalInterface
public interface VerbHandler {

    void handle(Endpoint from, Message message, Replier replier) throws Exception;

    /**
     * True (the default) runs the handler on the service's handler executor; false runs it on the I/O
     * thread that decoded the message, for handlers that only hand work on (gossip, acks).
     */
    default boolean mayBlock() {
        return true;
    }

    /** How a handler answers a request. */
    interface Replier {
        void reply(Message response);
    }

    /** Wraps a handler that never blocks, so it runs inline on the I/O thread. */
    static VerbHandler nonBlocking(VerbHandler handler) {
        return new VerbHandler() {
            @Override
            public void handle(Endpoint from, Message message, Replier replier) throws Exception {
                handler.handle(from, message, replier);
            }

            @Override
            public boolean mayBlock() {
                return false;
            }
        };
    }
}
