package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.ring.NodeInfo;

import java.util.List;

/**
 * Whom a request goes to and how many must answer: the key's natural replicas, the live ones among them,
 * the ones to contact (every live replica for a write; just enough, nearest first, for a read) and
 * {@code blockFor}, the answers that meet the consistency level.
 */
public record ReplicaPlan(ConsistencyLevel consistency, List<NodeInfo> natural, List<NodeInfo> live,
                          List<NodeInfo> contacts, int blockFor) {
    public ReplicaPlan {
        natural = List.copyOf(natural);
        live = List.copyOf(live);
        contacts = List.copyOf(contacts);
    }
}
