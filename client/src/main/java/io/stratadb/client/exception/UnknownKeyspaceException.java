package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** UNKNOWN_KEYSPACE: the request named a keyspace that does not exist. */
public class UnknownKeyspaceException extends InvalidRequestException {
    private final String keyspace;

    public UnknownKeyspaceException(String message, String keyspace) {
        super(ErrorCode.UNKNOWN_KEYSPACE, message);
        this.keyspace = keyspace;
    }

    public String keyspace() {
        return keyspace;
    }
}
