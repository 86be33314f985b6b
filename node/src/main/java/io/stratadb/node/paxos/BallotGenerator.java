package io.stratadb.node.paxos;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Issues this node's ballots. One per node, shared by all its proposers: micros strictly increase across
 * calls (even when the clock stalls or steps back), so with the node id every ballot is unique.
 *
 * <p>The node id should be 64 bits of the node's random host id: two nodes sharing one would break
 * uniqueness (two proposers with the same ballot), and with random ids that chance is negligible.
 */
public final class BallotGenerator {

    private final LongSupplier clockMicros;
    private final long nodeId;
    private final AtomicLong lastMicros = new AtomicLong(Long.MIN_VALUE);

    public BallotGenerator(LongSupplier clockMicros, long nodeId) {
        this.clockMicros = clockMicros;
        this.nodeId = nodeId;
    }

    public long nodeId() {
        return nodeId;
    }

    /** A fresh ballot from the clock. */
    public Ballot next() {
        return nextAbove(Ballot.NONE);
    }

    /**
     * A fresh ballot higher than {@code seen} (a ballot an acceptor told us it promised), so a retry after
     * a rejection is not rejected again merely because another node's clock runs ahead.
     */
    public Ballot nextAbove(Ballot seen) {
        long floor = seen.isNone() ? Long.MIN_VALUE : seen.micros();
        long now = clockMicros.getAsLong();
        long micros = lastMicros.updateAndGet(last -> Math.max(Math.max(now, last + 1), floor + 1));
        return new Ballot(micros, nodeId);
    }
}
