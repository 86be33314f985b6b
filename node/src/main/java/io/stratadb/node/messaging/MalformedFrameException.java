package io.stratadb.node.messaging;

/** Bytes that are not a valid frame or payload; the connection they came on is closed. */
public class MalformedFrameException extends MessagingException {

    public MalformedFrameException(String message) {
        super(message);
    }

    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
