package io.stratadb.gossip.messages;

/**
 * Bytes that are not a valid gossip message: truncated, over a limit, wrong version or kind, or
 * inconsistent. The messaging layer drops the message and logs the peer; it never tears down the
 * node.
 */
public class MalformedMessageException extends RuntimeException {

    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
