package io.stratadb.storage;

import java.util.Arrays;
import java.util.Objects;

/**
 * The value stored for one key: a live value, an expiring value (TTL) or a tombstone, each with the
 * write timestamp (microseconds since the epoch) that decides which of two versions wins.
 *
 * <p>{@link #reconcile} is a total order that does not depend on the current time, so every replica,
 * every flush order and every compaction order picks the same winner:
 *
 * <ol>
 *   <li>the higher timestamp wins;
 *   <li>on equal timestamps the kind decides: TOMBSTONE beats EXPIRING beats VALUE (a deletion, or
 *       something that will become one, must not be undone by a same-timestamp value);
 *   <li>between two EXPIRING cells the one that expires first wins, and between two TOMBSTONEs the
 *       later deletion time; this is what keeps the winner unchanged when compaction turns an expired
 *       cell into a tombstone (an earlier-expiring cell is the first to become one);
 *   <li>then the larger value (unsigned lexicographic).
 * </ol>
 */
public final class Cell {

    /** What a cell is. The byte codes are part of the on-disk formats; never renumber them. */
    public enum Kind {
        VALUE(0),
        EXPIRING(1),
        TOMBSTONE(2);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }

        public static Kind fromCode(int code) {
            switch (code) {
                case 0: return VALUE;
                case 1: return EXPIRING;
                case 2: return TOMBSTONE;
                default: throw new IllegalArgumentException("unknown cell kind " + code);
            }
        }
    }

    /** {@link #localDeletionTime} of a cell that never expires. */
    public static final int NO_DELETION_TIME = Integer.MAX_VALUE;

    private static final byte[] EMPTY = new byte[0];

    private final Kind kind;
    private final long timestamp;
    private final int localDeletionTime;
    private final byte[] value;

    private Cell(Kind kind, long timestamp, int localDeletionTime, byte[] value) {
        this.kind = kind;
        this.timestamp = timestamp;
        this.localDeletionTime = localDeletionTime;
        this.value = value;
    }

    /** A value that never expires. The array is owned by the cell from now on. */
    public static Cell value(byte[] value, long timestampMicros) {
        return new Cell(Kind.VALUE, timestampMicros, NO_DELETION_TIME, Objects.requireNonNull(value));
    }

    /** A value that reads as deleted from {@code expiresAtSeconds} (epoch seconds) on. */
    public static Cell expiring(byte[] value, long timestampMicros, int expiresAtSeconds) {
        return new Cell(Kind.EXPIRING, timestampMicros, expiresAtSeconds, Objects.requireNonNull(value));
    }

    /** A deletion written at {@code deletedAtSeconds} (local clock, used only for gc_grace). */
    public static Cell tombstone(long timestampMicros, int deletedAtSeconds) {
        return new Cell(Kind.TOMBSTONE, timestampMicros, deletedAtSeconds, EMPTY);
    }

    /** Rebuilds a cell from its stored fields (codecs use this). */
    public static Cell of(Kind kind, long timestampMicros, int localDeletionTime, byte[] value) {
        return new Cell(kind, timestampMicros, localDeletionTime, kind == Kind.TOMBSTONE ? EMPTY : value);
    }

    public Kind kind() {
        return kind;
    }

    public long timestamp() {
        return timestamp;
    }

    /**
     * For TOMBSTONE the local time of deletion, for EXPIRING the expiry time, both in epoch seconds;
     * {@link #NO_DELETION_TIME} for VALUE.
     */
    public int localDeletionTime() {
        return localDeletionTime;
    }

    /** The value bytes (empty for a tombstone). Callers must not modify the array. */
    public byte[] value() {
        return value;
    }

    public boolean isTombstone() {
        return kind == Kind.TOMBSTONE;
    }

    /** True when a read at {@code nowSeconds} returns this cell's value. */
    public boolean isLive(long nowSeconds) {
        switch (kind) {
            case VALUE: return true;
            case EXPIRING: return localDeletionTime > nowSeconds;
            default: return false;
        }
    }

    /**
     * The same deletion as a tombstone if this cell has expired at {@code nowSeconds}, else this cell.
     * Compaction uses it so expired values stop occupying space.
     */
    public Cell expireIfDue(long nowSeconds) {
        if (kind == Kind.EXPIRING && localDeletionTime <= nowSeconds) {
            return new Cell(Kind.TOMBSTONE, timestamp, localDeletionTime, EMPTY);
        }
        return this;
    }

    /** Bytes this cell accounts for in memory (approximate, used for memtable sizing). */
    public int memorySize() {
        return 32 + value.length;
    }

    /** The winner of two versions of the same key; see the class comment for the order. */
    public static Cell reconcile(Cell a, Cell b) {
        return compare(a, b) >= 0 ? a : b;
    }

    /** Positive if {@code a} wins over {@code b}, negative if {@code b} wins, 0 if identical. */
    public static int compare(Cell a, Cell b) {
        int c = Long.compare(a.timestamp, b.timestamp);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(a.kind.code, b.kind.code);
        if (c != 0) {
            return c;
        }
        if (a.kind == Kind.EXPIRING) {
            c = Integer.compare(b.localDeletionTime, a.localDeletionTime);
        } else if (a.kind == Kind.TOMBSTONE) {
            c = Integer.compare(a.localDeletionTime, b.localDeletionTime);
        }
        if (c != 0) {
            return c;
        }
        return Arrays.compareUnsigned(a.value, b.value);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Cell)) {
            return false;
        }
        Cell other = (Cell) o;
        return kind == other.kind && timestamp == other.timestamp
                && localDeletionTime == other.localDeletionTime && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, timestamp, localDeletionTime, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return kind + "@" + timestamp + (kind == Kind.VALUE ? "" : "/ldt=" + localDeletionTime)
                + "[" + value.length + "B]";
    }
}
