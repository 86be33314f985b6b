package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** ALREADY_EXISTS: CREATE_KEYSPACE without if-not-exists named an existing keyspace. */
public class AlreadyExistsException extends InvalidRequestException {
    private final String keyspace;

    public AlreadyExistsException(String message, String keyspace) {
        super(ErrorCode.ALREADY_EXISTS, message);
        this.keyspace = keyspace;
    }

    public String keyspace() {
        return keyspace;
    }
}
