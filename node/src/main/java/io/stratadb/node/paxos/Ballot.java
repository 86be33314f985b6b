package io.stratadb.node.paxos;

import java.nio.ByteBuffer;

/**
 * A Paxos ballot: a wall-clock timestamp in microseconds with the proposing node's id as tie-breaker.
 * Ordered by micros, then node id, so two nodes never issue equal ballots and one node never issues the
 * same ballot twice ({@link BallotGenerator} keeps its micros strictly increasing).
 *
 * <p>The micros double as the write timestamp of the value a proposal writes, so a value chosen at a
 * higher ballot also wins last-write-wins reconciliation on every replica.
 */
public record Ballot(long micros, long nodeId) implements Comparable<Ballot> {

    /** Lower than every ballot a generator issues: the state of a key nobody has prepared. */
    public static final Ballot NONE = new Ballot(Long.MIN_VALUE, Long.MIN_VALUE);

    /** Encoded size: micros then node id, both big-endian i64. */
    public static final int BYTES = 16;

    @Override
    public int compareTo(Ballot o) {
        int c = Long.compare(micros, o.micros);
        return c != 0 ? c : Long.compare(nodeId, o.nodeId);
    }

    public boolean isAfter(Ballot o) {
        return compareTo(o) > 0;
    }

    public boolean isBefore(Ballot o) {
        return compareTo(o) < 0;
    }

    public boolean isNone() {
        return equals(NONE);
    }

    public static Ballot max(Ballot a, Ballot b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public void writeTo(ByteBuffer out) {
        out.putLong(micros).putLong(nodeId);
    }

    public static Ballot readFrom(ByteBuffer in) {
        long micros = in.getLong();
        return new Ballot(micros, in.getLong());
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        writeTo(b);
        return b.array();
    }

    public static Ballot fromBytes(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("a ballot is " + BYTES + " bytes, got " + bytes.length);
        }
        return readFrom(ByteBuffer.wrap(bytes));
    }

    @Override
    public String toString() {
        return isNone() ? "Ballot[none]" : "Ballot[" + micros + "/" + Long.toHexString(nodeId) + "]";
    }
}
