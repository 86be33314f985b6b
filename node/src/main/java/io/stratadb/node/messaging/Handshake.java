package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;

/** The first bytes on a connection: who is connecting, named by its own listening endpoint. */
record Handshake(int version, Endpoint source) {
}
