/**
 * Connection pooling: per node, a small number of multiplexed connections kept open, reconnected with
 * exponential backoff when they fail, and handed to requests round-robin among those with a free
 * in-flight permit; {@link io.stratadb.client.pool.NodePools} keeps one pool per node of the topology.
 */
package io.stratadb.client.pool;
