package io.stratadb.client.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Message;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.ProtocolVersion;
import io.stratadb.client.protocol.frame.Frame;
import java.util.List;

/**
 * Turns inbound {@link Frame}s into {@link Envelope}s and outbound envelopes into frames, using one
 * {@link CodecRegistry}. Sits above the frame decoder/encoder (and the compression handlers); request
 * handling sits above it and never sees bytes.
 *
 * <p>Everything wrong with a single frame (direction, flags, opcode, body) is a non-fatal
 * {@link ProtocolException} carrying the frame's stream id: the frame has been consumed, so the server can
 * answer ERROR on that stream and keep the connection.
 */
public final class MessageCodec extends MessageToMessageCodec<Frame, Envelope> {
    private final CodecRegistry registry;
    private final PeerRole role;
    private final ProtocolVersion version;

    public MessageCodec(CodecRegistry registry, PeerRole role) {
        this(registry, role, ProtocolVersion.newest());
    }

    public MessageCodec(CodecRegistry registry, PeerRole role, ProtocolVersion version) {
        this.registry = registry;
        this.role = role;
        this.version = version;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        int streamId = frame.streamId();
        if (frame.isResponse() != role.receivesResponses()) {
            throw error(streamId, "a " + role + " does not accept " + (frame.isResponse() ? "response" : "request")
                    + " frames");
        }
        if (frame.flags() != 0) {
            throw error(streamId, frame.isCompressed() ? "compressed frame but compression was not negotiated"
                    : "unknown frame flags 0x" + Integer.toHexString(frame.flags()));
        }
        Opcode opcode = opcodeOf(frame);
        if (!isHandshake(opcode) && frame.version() != version.code()) {
            throw error(streamId, "frame version " + frame.version() + " but the connection speaks " + version.code());
        }
        BodyCodec<?> codec = registry.codecFor(opcode);
        if (codec == null) {
            throw error(streamId, opcode + " is not supported by this peer");
        }
        BodyReader reader = new BodyReader(frame.content(), streamId);
        Message message;
        try {
            message = codec.decode(reader);
        } catch (IndexOutOfBoundsException e) {
            // BodyReader checks every read; this is a last line of defence against a codec bug.
            throw new ProtocolException(ErrorCode.PROTOCOL_ERROR, streamId, false, "malformed " + opcode + " body", e);
        } catch (IllegalArgumentException e) {
            // Message constructors reject values that are well-formed on the wire but meaningless.
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, streamId, false,
                    "invalid " + opcode + ": " + e.getMessage(), e);
        }
        reader.expectEnd(opcode.name());
        out.add(new Envelope(streamId, message));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Envelope envelope, List<Object> out) {
        Message message = envelope.message();
        Opcode opcode = message.opcode();
        if (opcode.isResponse() == role.receivesResponses()) {
            throw new IllegalArgumentException("a " + role + " cannot send " + opcode);
        }
        BodyCodec<Message> codec = registry.codecFor(message);
        ByteBuf body = ctx.alloc().buffer(codec.estimatedSize(message));
        try {
            codec.encode(message, new BodyWriter(body));
        } catch (RuntimeException e) {
            body.release();
            throw e;
        }
        int frameVersion = isHandshake(opcode) ? ProtocolVersion.handshakeVersion().code() : version.code();
        out.add(new Frame(frameVersion, opcode.isResponse(), 0, envelope.streamId(), opcode.code(), body));
    }

    private Opcode opcodeOf(Frame frame) {
        Opcode opcode = Opcode.fromCode(frame.opcode());
        if (opcode == null) {
            Opcode.ReservedRange reserved = Opcode.ReservedRange.of(frame.opcode());
            throw error(frame.streamId(), "opcode 0x" + Integer.toHexString(frame.opcode())
                    + (reserved == null ? " is unknown" : " is reserved for " + reserved.purpose()
                    + " and not supported by this peer"));
        }
        if (opcode.isResponse() != frame.isResponse()) {
            throw error(frame.streamId(), opcode + " in a " + (frame.isResponse() ? "response" : "request") + " frame");
        }
        return opcode;
    }

    /**
     * HELLO, READY and ERROR keep the handshake version in their header: they are exchanged before a
     * version is agreed, and an ERROR may answer a frame of any version.
     */
    private static boolean isHandshake(Opcode opcode) {
        return opcode == Opcode.HELLO || opcode == Opcode.READY || opcode == Opcode.ERROR;
    }

    private static ProtocolException error(int streamId, String message) {
        return new ProtocolException(ErrorCode.PROTOCOL_ERROR, streamId, false, message);
    }
}
