/**
 * Who is in the cluster: this node's persistent identity (host id, tokens, gossip generation), the
 * immutable {@link io.stratadb.node.cluster.ClusterView} of ring, node states and internode addresses
 * that requests read, and the services that keep it current from gossip
 * ({@link io.stratadb.node.cluster.GossipService}, {@link io.stratadb.node.cluster.GossipMembership})
 * and keep keyspaces the same on every node ({@link io.stratadb.node.cluster.SchemaSync}).
 */
package io.stratadb.node.cluster;
