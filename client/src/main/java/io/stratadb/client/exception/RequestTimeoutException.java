package io.stratadb.client.exception;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.error.TimeoutKind;

/**
 * TIMEOUT: too few replicas answered in time. For a write the outcome is unknown: some replicas may have
 * applied it, and it may still spread by hints or repair. (Named so that it does not clash with
 * {@code java.util.concurrent.TimeoutException}.)
 */
public class RequestTimeoutException extends StrataException {
    private final ConsistencyLevel consistency;
    private final TimeoutKind kind;
    private final int received;
    private final int required;

    public RequestTimeoutException(String message, ConsistencyLevel consistency, TimeoutKind kind, int received,
                            int required) {
        super(ErrorCode.TIMEOUT, message);
        this.consistency = consistency;
        this.kind = kind;
        this.received = received;
        this.required = required;
    }

    public ConsistencyLevel consistency() {
        return consistency;
    }

    public TimeoutKind kind() {
        return kind;
    }

    public boolean isWrite() {
        return kind == TimeoutKind.WRITE;
    }

    public int received() {
        return received;
    }

    public int required() {
        return required;
    }
}
