package io.stratadb.node.messaging;

/**
 * The outbound queue to a peer is full, so the request was not sent at all. Failing fast here, instead
 * of queueing without bound, keeps a slow or dead peer from exhausting the sender's memory.
 */
public class OverloadedException extends MessagingException {

    public OverloadedException(String message) {
        super(message);
    }
}
