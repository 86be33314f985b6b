package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** OVERLOADED: the coordinator shed the request before executing it; back off, or try another node. */
public class OverloadedException extends StrataException {
    public OverloadedException(ErrorCode code, String message) {
        super(code, message);
    }
}
