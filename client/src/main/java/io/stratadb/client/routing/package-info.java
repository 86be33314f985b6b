/**
 * Which node a request goes to: the {@link io.stratadb.client.routing.LoadBalancingPolicy} seam, the
 * token-aware policy (a key's replicas first) and round robin, and what they see of the cluster: the
 * {@link io.stratadb.client.routing.TopologySnapshot} built from a TOPOLOGY answer and the client's
 * record of failed nodes ({@link io.stratadb.client.routing.NodeHealth}). Plain logic, no I/O: the
 * driver package fetches the topology and feeds it here.
 */
package io.stratadb.client.routing;
