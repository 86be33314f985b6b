package io.stratadb.client.exception;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.error.TimeoutKind;

/**
 * TIMEOUT: a request did not complete in time. For a write the outcome is unknown: some replicas may have
 * applied it, and it may still spread by hints or repair. (Named so that it does not clash with
 * {@code java.util.concurrent.TimeoutException}.)
 *
 * <p>Two sources raise it. The server answers TIMEOUT when too few replicas answered within its own
 * timeout; {@link #received()} and {@link #required()} then say how far it got. The Java client raises it
 * itself ({@link #isClientSide()}) when no answer arrived within the request's timeout; it cannot know how
 * many replicas answered, so both counts are -1.
 */
public class RequestTimeoutException extends StrataException {
    /** The replica counts of a client-side timeout, which the client cannot know. */
    public static final int UNKNOWN_COUNT = -1;

    private final ConsistencyLevel consistency;
    private final TimeoutKind kind;
    private final int received;
    private final int required;
    private final boolean clientSide;

    /** A server's TIMEOUT answer, with its details. */
    public RequestTimeoutException(String message, ConsistencyLevel consistency, TimeoutKind kind, int received,
                                   int required) {
        this(message, consistency, kind, received, required, false);
    }

    private RequestTimeoutException(String message, ConsistencyLevel consistency, TimeoutKind kind, int received,
                                    int required, boolean clientSide) {
        super(ErrorCode.TIMEOUT, message);
        this.consistency = consistency;
        this.kind = kind;
        this.received = received;
        this.required = required;
        this.clientSide = clientSide;
    }

    /**
     * The client's own deadline expired before any answer arrived.
     *
     * @param consistency the request's level, or {@code null} for requests without one (schema, topology)
     * @param kind WRITE for requests that change data or schema, READ otherwise
     */
    public static RequestTimeoutException clientSide(String message, ConsistencyLevel consistency, TimeoutKind kind) {
        return new RequestTimeoutException(message, consistency, kind, UNKNOWN_COUNT, UNKNOWN_COUNT, true);
    }

    /** The request's consistency level; {@code null} only for a client-side timeout of a schema request. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /**
     * READ or WRITE for ordinary requests; for a server's TIMEOUT of a serial operation (a Paxos write, or a
     * read at SERIAL / LOCAL_SERIAL) the phase it stopped in: PREPARE, PROPOSE or COMMIT ({@link
     * TimeoutKind#isPaxosPhase()}). Every phase leaves a serial write's outcome unknown; after COMMIT the
     * round was decided (docs/protocol.md, 7.2).
     */
    public TimeoutKind kind() {
        return kind;
    }

    /** True for the WRITE kind only: a serial write's server-side timeout reports its Paxos phase instead. */
    public boolean isWrite() {
        return kind == TimeoutKind.WRITE;
    }

    /** True if the client's deadline expired (no answer at all), false if the server answered TIMEOUT. */
    public boolean isClientSide() {
        return clientSide;
    }

    /** Replicas that answered in time, or {@link #UNKNOWN_COUNT} for a client-side timeout. */
    public int received() {
        return received;
    }

    /** Replicas the consistency level required, or {@link #UNKNOWN_COUNT} for a client-side timeout. */
    public int required() {
        return required;
    }
}
