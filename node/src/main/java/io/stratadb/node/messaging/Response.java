package io.stratadb.node.messaging;

/** A successful answer to a request, and which peer gave it. */
public record Response(io.stratadb.gossip.state.Endpoint from, Message message) {
}
