package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;

/** A message in flight with what the transport needs: sender, kind and request id (0 for one-way). */
record Envelope(Endpoint from, MessageKind kind, long requestId, Message message) {

    Verb verb() {
        return message.verb();
    }
}
