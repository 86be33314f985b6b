package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** INVALID_REQUEST and its refinements: the request is not meaningful; retrying it unchanged will fail again. */
public class InvalidRequestException extends StrataException {
    public InvalidRequestException(ErrorCode code, String message) {
        super(code, message);
    }
}
