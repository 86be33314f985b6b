package io.stratadb.node.errors;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.TimeoutKind;

import java.util.Objects;

/**
 * A request failed in a way the protocol has a code for. It carries the exact ERROR the client will get
 * (code, message, typed details), so every layer that knows what went wrong says it once and the
 * transport only writes it out. Stack traces are not filled in: these are answers, not bugs.
 */
public final class RequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ErrorResponse response;

    public RequestException(ErrorResponse response) {
        super(response.message(), null, false, false);
        this.response = Objects.requireNonNull(response);
    }

    public ErrorResponse response() {
        return response;
    }

    public ErrorCode code() {
        return response.code();
    }

    public static RequestException invalid(String message) {
        return new RequestException(ErrorResponse.of(ErrorCode.INVALID_REQUEST, message));
    }

    public static RequestException unknownKeyspace(String keyspace) {
        return new RequestException(ErrorResponse.unknownKeyspace(keyspace));
    }

    public static RequestException alreadyExists(String keyspace) {
        return new RequestException(ErrorResponse.alreadyExists(keyspace));
    }

    public static RequestException unavailable(ConsistencyLevel cl, int required, int alive) {
        return new RequestException(ErrorResponse.unavailable(cl, required, alive));
    }

    public static RequestException overloaded(String message) {
        return new RequestException(ErrorResponse.of(ErrorCode.OVERLOADED, message));
    }

    /** A compare-and-set gave up after its bounded, randomized retries lost to competing proposers. */
    public static RequestException contention(String message) {
        return new RequestException(ErrorResponse.of(ErrorCode.CONTENTION, message));
    }

    public static RequestException timeout(ConsistencyLevel cl, TimeoutKind kind, int received, int required) {
        return new RequestException(ErrorResponse.timeout(cl, kind, received, required));
    }
}
