package io.stratadb.client.exception;

import io.stratadb.client.protocol.ErrorCode;
import java.util.Objects;

/**
 * Base of the exceptions a StrataDB client throws for a failed request: carries the server's
 * {@link ErrorCode}. Unchecked, like the rest of the project's exceptions.
 */
public class StrataException extends RuntimeException {
    private final ErrorCode code;

    public StrataException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /**
     * True if the server guarantees the request had no effect, so retrying even a non-idempotent write is
     * safe. False means the outcome is unknown (see {@link ErrorCode#guaranteesNoEffect()}).
     */
    public boolean requestHadNoEffect() {
        return code.guaranteesNoEffect();
    }
}
