package io.stratadb.client.protocol.message.error;

import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/**
 * Machine-readable facts about an error. On the wire they are a u16 length-prefixed section whose layout
 * the error code decides, so a reader can skip details it does not know and a later version can append
 * fields.
 */
public sealed interface ErrorDetails permits NoDetails, UnavailableDetails, TimeoutDetails, KeyspaceDetails {
    void write(BodyWriter out);

    /** Reads the details section for {@code code}; the section's bytes are exactly {@code in}'s next {@code length}. */
    static ErrorDetails read(ErrorCode code, BodyReader in, int length) {
        int before = in.remaining();
        ErrorDetails details = switch (code) {
            case UNAVAILABLE -> UnavailableDetails.read(in);
            case TIMEOUT -> TimeoutDetails.read(in);
            case UNKNOWN_KEYSPACE, ALREADY_EXISTS -> KeyspaceDetails.read(in);
            default -> NoDetails.INSTANCE;
        };
        int used = before - in.remaining();
        if (used > length) {
            throw in.malformed(code + " details overran their section: " + used + " > " + length + " bytes");
        }
        in.skip(length - used, code + " details");
        return details;
    }

    /** Whether these details belong with {@code code}. */
    static boolean fits(ErrorCode code, ErrorDetails details) {
        return switch (code) {
            case UNAVAILABLE -> details instanceof UnavailableDetails;
            case TIMEOUT -> details instanceof TimeoutDetails;
            case UNKNOWN_KEYSPACE, ALREADY_EXISTS -> details instanceof KeyspaceDetails;
            default -> details instanceof NoDetails;
        };
    }
}
