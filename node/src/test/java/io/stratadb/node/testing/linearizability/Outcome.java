package io.stratadb.node.testing.linearizability;

/**
 * What the client was told.
 *
 * @param status APPLIED (the write happened), NOT_APPLIED (the condition failed against {@code value}),
 *     READ (a serial read returned {@code value}), or UNKNOWN (timed out: it may or may not have happened)
 * @param value the value observed (null: absent); unused for APPLIED and UNKNOWN
 */
public record Outcome(Status status, String value) {

    public enum Status { APPLIED, NOT_APPLIED, READ, UNKNOWN }

    public static Outcome applied() {
        return new Outcome(Status.APPLIED, null);
    }

    public static Outcome notApplied(String current) {
        return new Outcome(Status.NOT_APPLIED, current);
    }

    public static Outcome read(String value) {
        return new Outcome(Status.READ, value);
    }

    public static Outcome unknown() {
        return new Outcome(Status.UNKNOWN, null);
    }

    @Override
    public String toString() {
        switch (status) {
            case APPLIED: return "applied";
            case UNKNOWN: return "UNKNOWN";
            case NOT_APPLIED: return "not applied (current " + show(value) + ")";
            default: return "read " + show(value);
        }
    }

    static String show(String v) {
        return v == null ? "<absent>" : "'" + v + "'";
    }
}
