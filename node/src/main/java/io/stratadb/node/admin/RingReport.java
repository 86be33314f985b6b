package io.stratadb.node.admin;

import java.util.List;

/** RING: every token in ring order with the node owning the range that ends at it. */
public record RingReport(String hostId, List<Entry> tokens) {

    public RingReport {
        tokens = List.copyOf(tokens);
    }

    public record Entry(long token, String hostId, String address, String datacenter, String rack, String state) {
    }
}
