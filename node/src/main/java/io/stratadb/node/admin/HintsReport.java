package io.stratadb.node.admin;

import java.util.List;

/** HINTS: hints stored on this node waiting for their target, per target, largest first. */
public record HintsReport(String hostId, long totalPending, List<Target> targets) {

    public HintsReport {
        targets = List.copyOf(targets);
    }

    /** {@code address} is the target's client address when it is in the ring, else {@code null}. */
    public record Target(String hostId, String address, long pending) {
    }
}
