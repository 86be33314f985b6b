package io.stratadb.storage;

import java.util.Objects;

/** One write: a new version of {@code key} in {@code table}. It is what the commit log records. */
public final class Mutation {

    private final String table;
    private final byte[] key;
    private final Cell cell;

    public Mutation(String table, byte[] key, Cell cell) {
        this.table = Objects.requireNonNull(table, "table");
        this.key = Objects.requireNonNull(key, "key");
        this.cell = Objects.requireNonNull(cell, "cell");
    }

    public String table() {
        return table;
    }

    /** The key bytes; callers must not modify them. */
    public byte[] key() {
        return key;
    }

    public Cell cell() {
        return cell;
    }

    @Override
    public String toString() {
        return "Mutation{" + table + ", " + key.length + "B key, " + cell + "}";
    }
}
