package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** PROTOCOL_ERROR or FRAME_TOO_LARGE: the server says this client broke the wire protocol (a client bug, or a frame over the server's limit). */
public class ProtocolErrorException extends StrataException {
    public ProtocolErrorException(ErrorCode code, String message) {
        super(code, message);
    }
}
