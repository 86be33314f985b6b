package io.stratadb.node.paxos;

import io.stratadb.storage.Cell;

import java.util.Arrays;
import java.util.Objects;

/**
 * One serial operation on one key: what the proposer evaluates against the current value and what it
 * writes if the condition holds. Values are live values; null means absent (no cell, a tombstone or an
 * expired cell).
 *
 * @param table the storage table; {@code key} the storage key (as the coordinator computes them)
 * @param expected the value a CAS or delete-if requires (null for the other kinds)
 * @param value the value a CAS, put-if-absent or serial put writes (null for the other kinds)
 * @param ttlSeconds the written value expires this long after the ballot's time; 0: never
 */
public record PaxosOperation(Kind kind, String table, byte[] key, byte[] expected, byte[] value, int ttlSeconds) {

    public enum Kind {
        /** Write {@code value} if the current value equals {@code expected}. */
        CAS,
        /** Write {@code value} if the key is absent. */
        PUT_IF_ABSENT,
        /** Delete the key if the current value equals {@code expected}. */
        DELETE_IF,
        /** Write {@code value} unconditionally, ordered with every other serial operation on the key. */
        SERIAL_PUT,
        /** Read the current value, linearizably. */
        SERIAL_READ
    }

    public PaxosOperation(Kind kind, String table, byte[] key, byte[] expected, byte[] value) {
        this(kind, table, key, expected, value, 0);
    }

    public PaxosOperation {
        if (ttlSeconds < 0 || (ttlSeconds > 0 && value == null)) {
            throw new IllegalArgumentException("a TTL needs a written value and must not be negative: " + ttlSeconds);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        boolean needsExpected = kind == Kind.CAS || kind == Kind.DELETE_IF;
        boolean needsValue = kind == Kind.CAS || kind == Kind.PUT_IF_ABSENT || kind == Kind.SERIAL_PUT;
        if (needsExpected != (expected != null) || needsValue != (value != null)) {
            throw new IllegalArgumentException(kind + " needs " + (needsExpected ? "an expected value" : "no expected value")
                    + " and " + (needsValue ? "a new value" : "no new value"));
        }
    }

    public static PaxosOperation cas(String table, byte[] key, byte[] expected, byte[] value) {
        return new PaxosOperation(Kind.CAS, table, key, expected, value);
    }

    public static PaxosOperation putIfAbsent(String table, byte[] key, byte[] value) {
        return new PaxosOperation(Kind.PUT_IF_ABSENT, table, key, null, value);
    }

    public static PaxosOperation deleteIf(String table, byte[] key, byte[] expected) {
        return new PaxosOperation(Kind.DELETE_IF, table, key, expected, null);
    }

    public static PaxosOperation serialPut(String table, byte[] key, byte[] value) {
        return new PaxosOperation(Kind.SERIAL_PUT, table, key, null, value);
    }

    public static PaxosOperation serialRead(String table, byte[] key) {
        return new PaxosOperation(Kind.SERIAL_READ, table, key, null, null);
    }

    public boolean isRead() {
        return kind == Kind.SERIAL_READ;
    }

    /** Whether the operation writes, given the current live value (null: absent). */
    public boolean conditionHolds(byte[] current) {
        switch (kind) {
            case CAS:
            case DELETE_IF:
                return current != null && Arrays.equals(current, expected);
            case PUT_IF_ABSENT:
                return current == null;
            case SERIAL_PUT:
                return true;
            default:
                return false;
        }
    }

    /** The cell this operation writes under {@code ballot}: its micros are the write timestamp. */
    public Cell newCell(Ballot ballot) {
        if (kind == Kind.DELETE_IF) {
            return Cell.tombstone(ballot.micros(), (int) Math.min(Integer.MAX_VALUE - 1, ballot.micros() / 1_000_000L));
        }
        if (value == null) {
            throw new IllegalStateException(kind + " writes nothing");
        }
        if (ttlSeconds > 0) {
            long expiresAt = ballot.micros() / 1_000_000L + ttlSeconds;
            return Cell.expiring(value.clone(), ballot.micros(), (int) Math.min(Integer.MAX_VALUE - 1, expiresAt));
        }
        return Cell.value(value.clone(), ballot.micros());
    }

    /** The same operation writing a value that expires {@code seconds} after it is written. */
    public PaxosOperation withTtl(int seconds) {
        return new PaxosOperation(kind, table, key, expected, value, seconds);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaxosOperation p && kind == p.kind && table.equals(p.table) && Arrays.equals(key, p.key)
                && Arrays.equals(expected, p.expected) && Arrays.equals(value, p.value) && ttlSeconds == p.ttlSeconds;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, table, Arrays.hashCode(key), Arrays.hashCode(expected), Arrays.hashCode(value),
                ttlSeconds);
    }

    @Override
    public String toString() {
        return kind + "[" + table + ", " + key.length + "B key]";
    }
}
