package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;

/** CONTENTION: a compare-and-set lost its Paxos round to concurrent proposers; the outcome is unknown. */
public class ContentionException extends StrataException {
    public ContentionException(ErrorCode code, String message) {
        super(code, message);
    }
}
