package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** SERVER_ERROR: the server failed unexpectedly; the outcome is unknown. */
public class ServerErrorException extends StrataException {
    public ServerErrorException(ErrorCode code, String message) {
        super(code, message);
    }
}
