package io.stratadb.client.exception;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;

/**
 * UNAVAILABLE: too few replicas were alive to meet the consistency level, so nothing was attempted.
 * Retrying at a lower level, or later, may succeed.
 */
public class UnavailableException extends StrataException {
    private final ConsistencyLevel consistency;
    private final int required;
    private final int alive;

    public UnavailableException(String message, ConsistencyLevel consistency, int required, int alive) {
        super(ErrorCode.UNAVAILABLE, message);
        this.consistency = consistency;
        this.required = required;
        this.alive = alive;
    }

    public ConsistencyLevel consistency() {
        return consistency;
    }

    public int required() {
        return required;
    }

    public int alive() {
        return alive;
    }
}
