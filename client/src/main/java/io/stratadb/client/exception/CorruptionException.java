package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** CORRUPTION: a replica found stored data failing its checksum. */
public class CorruptionException extends StrataException {
    public CorruptionException(ErrorCode code, String message) {
        super(code, message);
    }
}
