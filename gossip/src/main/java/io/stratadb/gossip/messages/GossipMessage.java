package io.stratadb.gossip.messages;

/**
 * A message of the three-way gossip exchange. Each kind travels as its own internode verb with its
 * own codec; this common type only lets the gossiper take any of them through one entry point.
 */
public sealed interface GossipMessage permits GossipDigestSyn, GossipDigestAck, GossipDigestAck2 {

    /** Every message names its cluster, so a node never merges state from a different cluster. */
    String clusterName();
}
