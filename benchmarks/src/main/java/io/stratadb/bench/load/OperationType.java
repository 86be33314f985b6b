package io.stratadb.bench.load;

/** What one benchmark operation does. */
public enum OperationType {
    READ,
    UPDATE,
    INSERT,
    SCAN,
    READ_MODIFY_WRITE,
    /** A compare-and-set (after a serial read when the key's value is not known yet); see {@link CasWorkload}. */
    CAS
}
