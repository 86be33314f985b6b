/**
 * Who is in the cluster: this node's persistent identity (host id, tokens) and the immutable
 * {@link io.stratadb.node.cluster.ClusterView} of ring and node states that requests read. Gossip will
 * publish new views here; today the ring is this node alone.
 */
package io.stratadb.node.cluster;
