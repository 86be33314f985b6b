package io.stratadb.node.testing.linearizability;

import java.util.Objects;

/**
 * The sequential specification of one key: a register holding a value or nothing (null). For an
 * operation with a known outcome, {@link #accepts} says whether that outcome is what the operation would
 * have returned in that state; an UNKNOWN outcome is accepted in any state (whatever it would have done).
 */
public final class RegisterModel {

    public boolean accepts(String state, Op op) {
        Outcome o = op.outcome();
        switch (o.status()) {
            case UNKNOWN:
                return true;
            case READ:
                return op.kind() == OpKind.SERIAL_READ && Objects.equals(state, o.value());
            case APPLIED:
                return op.kind() != OpKind.SERIAL_READ && holds(state, op);
            default: // NOT_APPLIED
                return op.kind() != OpKind.SERIAL_READ && !holds(state, op) && Objects.equals(state, o.value());
        }
    }

    /** The state after {@code op} (which {@link #accepts} it) in {@code state}. */
    public String apply(String state, Op op) {
        if (op.kind() == OpKind.SERIAL_READ || !holds(state, op)) {
            return state;
        }
        return op.kind() == OpKind.DELETE_IF ? null : op.value();
    }

    private static boolean holds(String state, Op op) {
        switch (op.kind()) {
            case CAS:
            case DELETE_IF:
                return state != null && state.equals(op.expected());
            case PUT_IF_ABSENT:
                return state == null;
            case SERIAL_PUT:
                return true;
            default:
                return false;
        }
    }
}
