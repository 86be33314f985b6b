package io.stratadb.client.protocol;

/**
 * The fixed list of error codes an ERROR frame carries (u16, stable; docs/protocol.md, "Errors").
 *
 * <p>{@link #guaranteesNoEffect()} is the contract a client's retry policy relies on: when true, the
 * server promises the request changed nothing, so even a non-idempotent write may be retried. When false
 * the outcome is unknown: the write may or may not have been applied on some replicas.
 */
public enum ErrorCode {
    /** An unexpected failure inside the server. Outcome unknown: it may have happened after execution began. */
    SERVER_ERROR(0x0001, false),
    /** The peer broke the wire format (bad header, length, opcode, missing handshake). Not executed. */
    PROTOCOL_ERROR(0x0002, true),
    /** A frame (or its decompressed body) exceeded the receiver's maximum size. Not executed; connection closes. */
    FRAME_TOO_LARGE(0x0003, true),
    /** The caller may not do this. Checked before execution. */
    UNAUTHORIZED(0x0100, true),
    /** Too few replicas are alive to meet the consistency level; detected before anything was sent. */
    UNAVAILABLE(0x1000, true),
    /** The coordinator shed the request before executing it (queues full); retry later or elsewhere. */
    OVERLOADED(0x1001, true),
    /** Replicas did not answer in time. Outcome unknown for writes: some replicas may have applied it. */
    TIMEOUT(0x1100, false),
    /** A compare-and-set lost its Paxos round to concurrent proposers. Outcome unknown. */
    CONTENTION(0x1101, false),
    /** Stored data failed a checksum on a replica. Outcome unknown for writes. */
    CORRUPTION(0x1200, false),
    /** The request is well-formed on the wire but not meaningful (bad UTF-8, bad TTL, value too large...). */
    INVALID_REQUEST(0x2000, true),
    /** The named keyspace does not exist: a kind of INVALID_REQUEST with its own code so clients can act on it. */
    UNKNOWN_KEYSPACE(0x2001, true),
    /** CREATE_KEYSPACE without if-not-exists named an existing keyspace: a kind of INVALID_REQUEST. */
    ALREADY_EXISTS(0x2002, true);

    private final int code;
    private final boolean guaranteesNoEffect;

    ErrorCode(int code, boolean guaranteesNoEffect) {
        this.code = code;
        this.guaranteesNoEffect = guaranteesNoEffect;
    }

    public int code() {
        return code;
    }

    /** True if the server guarantees the failed request had no effect (safe to retry any request). */
    public boolean guaranteesNoEffect() {
        return guaranteesNoEffect;
    }

    /** True for the codes that refine INVALID_REQUEST. */
    public boolean isInvalidRequest() {
        return (code & 0xFF00) == 0x2000;
    }

    /** Returns the code with this value, or {@code null} if this version does not define it. */
    public static ErrorCode fromCode(int code) {
        for (ErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
