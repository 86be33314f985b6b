/**
 * Ring math shared by the coordinator and token-aware clients: the Murmur3 partitioner, the immutable
 * {@link io.stratadb.client.ring.TokenRing} snapshot (ownership, ranges, cached replica lists), the replication
 * strategies that choose a key's natural replicas, and the allocator that picks a joining node's tokens.
 * All of it is plain computation: no I/O, no clocks, no shared state.
 */
package io.stratadb.client.ring;
