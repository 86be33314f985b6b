package io.stratadb.node.messaging;

import io.stratadb.node.messaging.payload.FailurePayload;

/** The peer received the request but answered with a failure (handler error, no handler, unknown verb). */
public class RemoteFailureException extends MessagingException {

    private final FailurePayload.Code code;

    public RemoteFailureException(String message, FailurePayload.Code code) {
        super(message);
        this.code = code;
    }

    public FailurePayload.Code code() {
        return code;
    }
}
