package io.stratadb.node.testing.linearizability;

/** The serial operations a register history holds. */
public enum OpKind {
    CAS, PUT_IF_ABSENT, DELETE_IF, SERIAL_PUT, SERIAL_READ
}
