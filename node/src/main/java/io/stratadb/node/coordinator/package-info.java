/**
 * The coordinator: the {@link io.stratadb.node.coordinator.Coordinator} interface every data request goes
 * through, the replica planning and consistency arithmetic ({@link io.stratadb.node.coordinator.ReplicaPlanner},
 * no I/O), answer counting with timeouts, how user keys become token-ordered storage keys, the write
 * timestamp source, and the seam ({@link io.stratadb.node.coordinator.ReplicaAccess}) through which replicas
 * are reached.
 */
package io.stratadb.node.coordinator;
