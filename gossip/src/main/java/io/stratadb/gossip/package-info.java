/**
 * Cluster membership by gossip. {@link io.stratadb.gossip.Gossiper} is a state machine: the owner
 * feeds it ticks and received messages, it sends through a {@link io.stratadb.gossip.GossipTransport}
 * and reads time from a {@link io.stratadb.gossip.GossipClock}, and it reports membership changes
 * to {@link io.stratadb.gossip.EndpointStateListener}s. The protocol is described in
 * {@code docs/gossip.md}.
 */
package io.stratadb.gossip;
