package io.stratadb.node.messaging;

/** No response arrived in time. The request may still have been applied by the peer. */
public class RequestTimeoutException extends MessagingException {

    public RequestTimeoutException(String message) {
        super(message);
    }
}
