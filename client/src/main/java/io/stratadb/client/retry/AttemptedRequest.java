package io.stratadb.client.retry;

import io.stratadb.client.protocol.Opcode;
import java.util.Objects;

/**
 * What a {@link RetryPolicy} knows of the request that failed: its kind, and whether sending it twice
 * does no more than sending it once.
 *
 * @param idempotent true for reads; for a put or delete, {@link io.stratadb.client.WriteOptions#isIdempotent()};
 *                   for a schema change, true when it has if-(not-)exists (a repeat answers "nothing to do")
 */
public record AttemptedRequest(Opcode opcode, boolean idempotent) {
    public AttemptedRequest {
        Objects.requireNonNull(opcode, "opcode");
    }

    /**
     * PUT_IF_ABSENT, CAS, DELETE_IF and SERIAL_PUT: writes that run a Paxos round. Never idempotent (a repeated
     * compare-and-set that had applied answers "not applied"), so only an error that guarantees no effect
     * makes them safe to send again.
     */
    public boolean isSerialWrite() {
        return switch (opcode) {
            case PUT_IF_ABSENT, CAS, DELETE_IF, SERIAL_PUT -> true;
            default -> false;
        };
    }

    /** GET, MULTI_GET, SCAN, LIST_KEYSPACES and TOPOLOGY change nothing. */
    public boolean isRead() {
        return switch (opcode) {
            case GET, MULTI_GET, SCAN, LIST_KEYSPACES, TOPOLOGY -> true;
            default -> false;
        };
    }
}
