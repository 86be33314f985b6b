package io.stratadb.client.exception;

import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.KeyspaceDetails;
import io.stratadb.client.protocol.message.error.TimeoutDetails;
import io.stratadb.client.protocol.message.error.UnavailableDetails;

/**
 * The one place an ERROR response becomes an exception. The switch is exhaustive over the error codes,
 * so adding a code without deciding its exception does not compile.
 */
public final class StrataExceptionFactory {
    private StrataExceptionFactory() {
    }

    public static StrataException fromError(ErrorResponse error) {
        String message = error.message();
        return switch (error.code()) {
            case SERVER_ERROR -> new ServerErrorException(error.code(), message);
            case PROTOCOL_ERROR, FRAME_TOO_LARGE -> new ProtocolErrorException(error.code(), message);
            case UNAUTHORIZED -> new UnauthorizedException(error.code(), message);
            case UNAVAILABLE -> {
                UnavailableDetails d = (UnavailableDetails) error.details();
                yield new UnavailableException(message, d.consistency(), d.required(), d.alive());
            }
            case OVERLOADED -> new OverloadedException(error.code(), message);
            case TIMEOUT -> {
                TimeoutDetails d = (TimeoutDetails) error.details();
                yield new RequestTimeoutException(message, d.consistency(), d.kind(), d.received(), d.required());
            }
            case CONTENTION -> new ContentionException(error.code(), message);
            case CORRUPTION -> new CorruptionException(error.code(), message);
            case INVALID_REQUEST -> new InvalidRequestException(error.code(), message);
            case UNKNOWN_KEYSPACE -> new UnknownKeyspaceException(message, ((KeyspaceDetails) error.details()).keyspace());
            case ALREADY_EXISTS -> new AlreadyExistsException(message, ((KeyspaceDetails) error.details()).keyspace());
        };
    }
}
