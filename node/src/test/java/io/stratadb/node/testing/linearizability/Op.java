package io.stratadb.node.testing.linearizability;

/**
 * One operation of a history.
 *
 * @param id its index in the history
 * @param invokedAt when the client sent it; {@code completedAt} when it got the answer
 *     ({@link Long#MAX_VALUE} for an unknown outcome: it may take effect at any time after its invocation)
 * @param expected CAS and DELETE_IF's expected value; {@code value} what CAS, PUT_IF_ABSENT and
 *     SERIAL_PUT write
 */
public record Op(int id, String client, String key, OpKind kind, String expected, String value,
                 long invokedAt, long completedAt, Outcome outcome) {

    public Op {
        if (completedAt < invokedAt) {
            throw new IllegalArgumentException("op " + id + " completes before it is invoked");
        }
    }

    @Override
    public String toString() {
        String args;
        switch (kind) {
            case CAS: args = Outcome.show(expected) + " -> " + Outcome.show(value); break;
            case DELETE_IF: args = "if " + Outcome.show(expected); break;
            case SERIAL_READ: args = ""; break;
            default: args = Outcome.show(value);
        }
        String end = completedAt == Long.MAX_VALUE ? "inf" : Long.toString(completedAt);
        return String.format("#%d %s [%d, %s] %s %s %s: %s", id, client, invokedAt, end, kind, key, args, outcome);
    }
}
