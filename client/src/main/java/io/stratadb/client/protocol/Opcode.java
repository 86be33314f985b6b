package io.stratadb.client.protocol;

/**
 * Frame opcodes (header byte 4). Requests use {@code 0x01..0x7F}; the result of a request has the request's
 * opcode with the top bit set, and ERROR is {@code 0x80}. Codes are stable: never renumber, only add.
 * Ranges kept free for later features are listed in {@link ReservedRange} and in docs/protocol.md.
 */
public enum Opcode {
    HELLO(0x01),
    GET(0x10),
    PUT(0x11),
    DELETE(0x12),
    MULTI_GET(0x13),
    SCAN(0x14),
    /** Writes only if the key has no live value; runs a Paxos round (docs/protocol.md, 6.5). */
    PUT_IF_ABSENT(0x18),
    /** Compare-and-set: writes only if the key's live value equals the expected bytes; Paxos. */
    CAS(0x19),
    /** Deletes only if the key's live value equals the expected bytes; Paxos. */
    DELETE_IF(0x1A),
    /** An unconditional write through Paxos, ordered with the key's other serial operations. */
    SERIAL_PUT(0x1C),
    CREATE_KEYSPACE(0x20),
    DROP_KEYSPACE(0x21),
    LIST_KEYSPACES(0x22),
    TOPOLOGY(0x23),
    /** One admin command (status, ring, info, flush, ...) answered by the node that receives it. */
    ADMIN(0x30),

    ERROR(0x80),
    READY(HELLO.code | 0x80),
    GET_RESULT(GET.code | 0x80),
    PUT_RESULT(PUT.code | 0x80),
    DELETE_RESULT(DELETE.code | 0x80),
    MULTI_GET_RESULT(MULTI_GET.code | 0x80),
    SCAN_RESULT(SCAN.code | 0x80),
    PUT_IF_ABSENT_RESULT(PUT_IF_ABSENT.code | 0x80),
    CAS_RESULT(CAS.code | 0x80),
    DELETE_IF_RESULT(DELETE_IF.code | 0x80),
    SERIAL_PUT_RESULT(SERIAL_PUT.code | 0x80),
    CREATE_KEYSPACE_RESULT(CREATE_KEYSPACE.code | 0x80),
    DROP_KEYSPACE_RESULT(DROP_KEYSPACE.code | 0x80),
    LIST_KEYSPACES_RESULT(LIST_KEYSPACES.code | 0x80),
    TOPOLOGY_RESULT(TOPOLOGY.code | 0x80),
    ADMIN_RESULT(ADMIN.code | 0x80);

    /** The opcode bit that marks a response; a request's result is {@code request | RESPONSE_BIT}. */
    public static final int RESPONSE_BIT = 0x80;

    private static final Opcode[] BY_CODE = new Opcode[256];

    static {
        for (Opcode op : values()) {
            if (BY_CODE[op.code] != null) {
                throw new ExceptionInInitializerError("duplicate opcode " + op.code);
            }
            BY_CODE[op.code] = op;
        }
    }

    private final int code;

    Opcode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public boolean isResponse() {
        return (code & RESPONSE_BIT) != 0;
    }

    /** The opcode of this request's result; ERROR can also answer any request. */
    public Opcode resultOpcode() {
        if (isResponse()) {
            throw new IllegalStateException(this + " is a response");
        }
        return BY_CODE[code | RESPONSE_BIT];
    }

    /** Returns the opcode for a header byte, or {@code null} if it is unassigned or reserved. */
    public static Opcode fromCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * Request opcode ranges held for features that are designed but not built. A peer that receives one
     * answers PROTOCOL_ERROR naming the range, so the sender learns the server is too old rather than
     * that it sent garbage. Their results will take the same code with the response bit set.
     */
    public enum ReservedRange {
        CONNECTION(0x02, 0x0F, "connection (authentication, ping, event registration)"),
        DATA(0x15, 0x17, "data (batch writes, counters)"),
        /**
         * 0x1B was planned for SERIAL_GET and is never to be assigned: a linearizable read is a GET at SERIAL
         * or LOCAL_SERIAL, which needs no message of its own. Kept reserved so that no later message can
         * be mistaken for a read by a peer built from an old draft.
         */
        RETIRED_SERIAL_GET(0x1B, 0x1B, "SERIAL_GET, which was never assigned (a serial read is a GET at SERIAL"
                + " or LOCAL_SERIAL)"),
        /**
         * Spare codes beside PUT_IF_ABSENT (0x18), CAS (0x19), DELETE_IF (0x1A) and SERIAL_PUT (0x1C), for
         * later operations that run a Paxos round.
         */
        COMPARE_AND_SET(0x1D, 0x1F, "further compare-and-set operations"),
        METADATA(0x24, 0x2F, "schema and metadata"),
        /** 0x30 is ADMIN; the rest is kept for admin verbs that need their own layout (repair, streaming). */
        ADMIN(0x31, 0x3F, "admin (repair, decommission)"),
        FUTURE(0x40, 0x7F, "unassigned");

        private final int first;
        private final int last;
        private final String purpose;

        ReservedRange(int first, int last, String purpose) {
            this.first = first;
            this.last = last;
            this.purpose = purpose;
        }

        public int first() {
            return first;
        }

        public int last() {
            return last;
        }

        public String purpose() {
            return purpose;
        }

        /** The reserved range holding this request code (or its response), or {@code null}. */
        public static ReservedRange of(int code) {
            int request = code & ~RESPONSE_BIT;
            for (ReservedRange r : values()) {
                if (request >= r.first && request <= r.last) {
                    return r;
                }
            }
            return null;
        }
    }
}
