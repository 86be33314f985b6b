/**
 * The three gossip messages (SYN, ACK, ACK2), each a record with its codec beside it, and the
 * bounded reader/writer they share. The byte layouts are in {@code docs/gossip.md}; the limits in
 * {@link io.stratadb.gossip.messages.GossipWireFormat} guarantee that decoding hostile bytes allocates
 * no more than the input's size and fails with {@link io.stratadb.gossip.messages.MalformedMessageException}.
 */
package io.stratadb.gossip.messages;
