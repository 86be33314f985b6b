/**
 * Where write timestamps come from: {@link io.stratadb.node.time.HybridLogicalClock}, which follows the
 * wall clock but never runs behind a timestamp this node has already issued or seen from a peer.
 */
package io.stratadb.node.time;
