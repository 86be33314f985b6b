package io.stratadb.client.protocol;

import io.netty.handler.codec.DecoderException;

/**
 * A peer sent bytes that break the protocol. Carries the {@link ErrorCode} the receiver should answer
 * with and the stream id to answer on, so the server's exception handler can write an ERROR frame.
 *
 * <p>Extends Netty's {@link DecoderException} so that decoders pass it to {@code exceptionCaught}
 * unwrapped. {@link #isFatal()} tells whether the byte stream is still in sync: after a fatal error the
 * receiver writes the ERROR and closes the connection; after a non-fatal one the frame was consumed whole
 * and the connection can go on.
 */
public class ProtocolException extends DecoderException {
    /** Stream id of an error that cannot be tied to a frame; answered on stream 0. */
    public static final int NO_STREAM = -1;

    private final ErrorCode code;
    private final int streamId;
    private final boolean fatal;

    public ProtocolException(ErrorCode code, int streamId, boolean fatal, String message) {
        super(message);
        this.code = code;
        this.streamId = streamId;
        this.fatal = fatal;
    }

    public ProtocolException(ErrorCode code, int streamId, boolean fatal, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.streamId = streamId;
        this.fatal = fatal;
    }

    public ErrorCode code() {
        return code;
    }

    /** The offending frame's stream id, or {@link #NO_STREAM}. */
    public int streamId() {
        return streamId;
    }

    /** The stream id to put on the ERROR frame: the frame's own, or 0 when unknown. */
    public int replyStreamId() {
        return streamId == NO_STREAM ? 0 : streamId;
    }

    public boolean isFatal() {
        return fatal;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + code + ", stream " + streamId + (fatal ? ", fatal" : "") + "]: "
                + getMessage();
    }
}
