package io.stratadb.node.messaging;

/** The root of messaging failures; the subclasses say what a caller can do about one. */
public class MessagingException extends RuntimeException {

    public MessagingException(String message) {
        super(message);
    }

    public MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
