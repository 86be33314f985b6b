package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;
import java.util.Objects;

/**
 * Base of the exceptions a StrataDB client throws for a failed request: carries the server's
 * {@link ErrorCode}. Unchecked, like the rest of the project's exceptions.
 *
 * <p>A few failures are detected by the client itself, without any ERROR from a server (a connection lost
 * with the request in flight, no node to send it to). The error codes are the server's fixed wire list, so
 * such exceptions have no code ({@link #code()} is {@code null}) and say themselves whether the request had
 * an effect.
 */
public class StrataException extends RuntimeException {
    private final ErrorCode code;

    public StrataException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** For a failure the client detected itself: no error code; the subclass overrides {@link #requestHadNoEffect()}. */
    protected StrataException(String message, Throwable cause) {
        super(message, cause);
        this.code = null;
    }

    /** The server's error code, or {@code null} when the client detected the failure itself (see the subclass). */
    public ErrorCode code() {
        return code;
    }

    /**
     * True if the server guarantees the request had no effect, so retrying even a non-idempotent write is
     * safe. False means the outcome is unknown (see {@link ErrorCode#guaranteesNoEffect()}).
     */
    public boolean requestHadNoEffect() {
        return code != null && code.guaranteesNoEffect();
    }
}
