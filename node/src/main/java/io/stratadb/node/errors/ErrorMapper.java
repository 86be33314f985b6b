package io.stratadb.node.errors;

import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever a request failed with into the ERROR the client gets. Known failures keep their code;
 * storage refusals become INVALID_REQUEST (nothing was written), checksum failures CORRUPTION; anything
 * else is a bug or an environment failure, so it is logged with its stack and answered SERVER_ERROR
 * (outcome unknown), never with a dropped connection.
 */
public final class ErrorMapper {

    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    public static ErrorResponse toResponse(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof RequestException re) {
            return re.response();
        }
        if (t instanceof InvalidRequestException) {
            return ErrorResponse.of(ErrorCode.INVALID_REQUEST, t.getMessage());
        }
        if (t instanceof CorruptionException) {
            log.error("Stored data failed a checksum while serving a request", t);
            return ErrorResponse.of(ErrorCode.CORRUPTION, t.getMessage());
        }
        if (t instanceof BoundedStage.StageFullException) {
            return ErrorResponse.of(ErrorCode.OVERLOADED, "node overloaded: " + t.getMessage());
        }
        log.error("Unexpected error while serving a request", t);
        return ErrorResponse.of(ErrorCode.SERVER_ERROR, "unexpected server error: " + t);
    }

    /** The cause that matters, past the wrappers that futures add. */
    public static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
