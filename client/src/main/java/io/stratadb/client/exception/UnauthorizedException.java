package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** UNAUTHORIZED: the caller may not perform this request. */
public class UnauthorizedException extends StrataException {
    public UnauthorizedException(ErrorCode code, String message) {
        super(code, message);
    }
}
