package io.stratadb.bench.load;

/** What one benchmark operation does. */
public enum OperationType {
    READ,
    UPDATE,
    INSERT,
    SCAN,
    READ_MODIFY_WRITE
}
