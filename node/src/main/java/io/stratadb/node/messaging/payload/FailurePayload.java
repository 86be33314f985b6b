package io.stratadb.node.messaging.payload;

import java.util.Objects;

/** Why a request failed at the peer; the requester's future fails with it instead of waiting for a timeout. */
public record FailurePayload(Code code, String message) {

    /** Wire codes; never renumber. */
    public enum Code {
        /** The handler threw. */
        HANDLER_ERROR(1),
        /** The peer knows the verb but has no handler registered for it. */
        NO_HANDLER(2),
        /** The peer does not know the verb id (a newer sender). */
        UNKNOWN_VERB(3),
        /** The peer could not queue the handler. */
        OVERLOADED(4);

        private final int id;

        Code(int id) {
            this.id = id;
        }

        public int id() {
            return id;
        }

        /** Unknown codes from a newer peer read as HANDLER_ERROR: still a failure, still with its message. */
        public static Code fromId(int id) {
            for (Code c : values()) {
                if (c.id == id) {
                    return c;
                }
            }
            return HANDLER_ERROR;
        }
    }

    public FailurePayload {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
