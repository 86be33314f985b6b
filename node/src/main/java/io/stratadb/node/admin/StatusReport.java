package io.stratadb.node.admin;

import java.util.List;

/** STATUS: every node of the ring as the answering node sees it, in address order. */
public record StatusReport(String hostId, List<Node> nodes) {

    public StatusReport {
        nodes = List.copyOf(nodes);
    }

    /**
     * One node. {@code loadBytes} is the engine's load (SSTable plus memtable bytes): its own for the answering node and the LOAD its
     * gossip announced for the others; {@code null} when it announced none yet.
     */
    public record Node(String hostId, String address, String datacenter, String rack, String state, Long loadBytes,
                       double ownershipPercent, int tokens, boolean local) {
    }
}
