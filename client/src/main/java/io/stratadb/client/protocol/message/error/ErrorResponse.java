package io.stratadb.client.protocol.message.error;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import io.stratadb.client.protocol.codec.Envelope;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * ERROR (0x80): the request failed. Body: {@code u16 code, string message, u16 detailsLength, details}.
 * The body layout is frozen across versions (a new version may add codes and append detail fields).
 */
public record ErrorResponse(ErrorCode code, String message, ErrorDetails details) implements Response {
    public ErrorResponse {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(details, "details");
        if (!ErrorDetails.fits(code, details)) {
            throw new IllegalArgumentException(details.getClass().getSimpleName() + " do not belong with " + code);
        }
        message = truncate(Objects.requireNonNull(message, "message"));
    }

    public static ErrorResponse of(ErrorCode code, String message) {
        return new ErrorResponse(code, message, NoDetails.INSTANCE);
    }

    public static ErrorResponse unavailable(ConsistencyLevel cl, int required, int alive) {
        return new ErrorResponse(ErrorCode.UNAVAILABLE, "cannot achieve consistency " + cl + ": " + required
                + " replicas required, " + alive + " alive", new UnavailableDetails(cl, required, alive));
    }

    public static ErrorResponse timeout(ConsistencyLevel cl, TimeoutKind kind, int received, int required) {
        return new ErrorResponse(ErrorCode.TIMEOUT, kind.name().toLowerCase() + " timed out at " + cl + ": "
                + received + " of " + required + " replicas answered", new TimeoutDetails(cl, kind, received, required));
    }

    public static ErrorResponse unknownKeyspace(String keyspace) {
        return new ErrorResponse(ErrorCode.UNKNOWN_KEYSPACE, "keyspace " + keyspace + " does not exist",
                new KeyspaceDetails(keyspace));
    }

    public static ErrorResponse alreadyExists(String keyspace) {
        return new ErrorResponse(ErrorCode.ALREADY_EXISTS, "keyspace " + keyspace + " already exists",
                new KeyspaceDetails(keyspace));
    }

    /** The ERROR frame a server writes for a decode failure, on the offending frame's stream. */
    public static Envelope answering(ProtocolException e) {
        return new Envelope(e.replyStreamId(), of(e.code(), String.valueOf(e.getMessage())));
    }

    @Override
    public Opcode opcode() {
        return Opcode.ERROR;
    }

    /** Messages are for people; cut them rather than fail to report an error because its text was long. */
    private static String truncate(String message) {
        if (message.length() * 3 <= ProtocolLimits.MAX_STRING_BYTES
                || message.getBytes(StandardCharsets.UTF_8).length <= ProtocolLimits.MAX_STRING_BYTES) {
            return message;
        }
        int end = ProtocolLimits.MAX_STRING_BYTES / 3;
        if (Character.isHighSurrogate(message.charAt(end - 1))) {
            end--;
        }
        return message.substring(0, end);
    }

    public static final class Codec implements BodyCodec<ErrorResponse> {
        @Override
        public void encode(ErrorResponse m, BodyWriter out) {
            out.u16(m.code.code()).string(m.message).section(m.details::write);
        }

        @Override
        public ErrorResponse decode(BodyReader in) {
            int raw = in.u16();
            ErrorCode code = ErrorCode.fromCode(raw);
            if (code == null) {
                throw in.malformed("unknown error code 0x" + Integer.toHexString(raw));
            }
            String message = in.string("message");
            int detailsLength = in.u16();
            if (detailsLength > in.remaining()) {
                throw in.malformed("error details of " + detailsLength + " bytes but " + in.remaining() + " left");
            }
            return new ErrorResponse(code, message, ErrorDetails.read(code, in, detailsLength));
        }
    }
}
