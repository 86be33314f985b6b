/**
 * The values gossip spreads: who a node is ({@link io.stratadb.gossip.state.Endpoint}), how fresh our
 * knowledge of it is ({@link io.stratadb.gossip.state.HeartbeatState}), and what it has announced
 * ({@link io.stratadb.gossip.state.EndpointState}, keyed by
 * {@link io.stratadb.gossip.state.ApplicationState}). Everything here is immutable, so a state can be
 * handed to listeners, put in a message or kept in a snapshot without copying.
 */
package io.stratadb.gossip.state;
