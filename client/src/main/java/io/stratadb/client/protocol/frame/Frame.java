package io.stratadb.client.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One frame: the header fields and the body. Reference-counted through its body; whoever ends a frame's
 * journey through the pipeline releases it (Netty's codec base classes do this for us).
 *
 * <p>The opcode is kept as the raw header byte, not an {@code Opcode}, so that a frame with an unknown
 * opcode still reaches the message codec, which can then answer on the right stream.
 */
public final class Frame extends DefaultByteBufHolder {
    private final int version;
    private final boolean response;
    private final int flags;
    private final int streamId;
    private final int opcode;

    public Frame(int version, boolean response, int flags, int streamId, int opcode, ByteBuf body) {
        super(body);
        if (version < 0 || version > FrameHeader.VERSION_MASK) {
            throw new IllegalArgumentException("version out of range: " + version);
        }
        if (streamId < 0 || streamId > FrameHeader.MAX_STREAM_ID) {
            throw new IllegalArgumentException("stream id out of range: " + streamId);
        }
        if ((flags & ~0xFF) != 0 || (opcode & ~0xFF) != 0) {
            throw new IllegalArgumentException("flags and opcode are single bytes");
        }
        this.version = version;
        this.response = response;
        this.flags = flags;
        this.streamId = streamId;
        this.opcode = opcode;
    }

    public int version() {
        return version;
    }

    public boolean isResponse() {
        return response;
    }

    public int flags() {
        return flags;
    }

    public boolean isCompressed() {
        return (flags & FrameHeader.FLAG_COMPRESSED) != 0;
    }

    public int streamId() {
        return streamId;
    }

    public int opcode() {
        return opcode;
    }

    /** The same header with a different body and flags; takes ownership of {@code body}. */
    public Frame withBody(int newFlags, ByteBuf body) {
        return new Frame(version, response, newFlags, streamId, opcode, body);
    }

    @Override
    public Frame replace(ByteBuf content) {
        return withBody(flags, content);
    }

    @Override
    public Frame retain() {
        super.retain();
        return this;
    }

    @Override
    public Frame touch(Object hint) {
        super.touch(hint);
        return this;
    }

    @Override
    public String toString() {
        return "Frame[v" + version + (response ? " response" : " request") + ", flags=0x"
                + Integer.toHexString(flags) + ", stream=" + streamId + ", opcode=0x" + Integer.toHexString(opcode)
                + ", body=" + content().readableBytes() + "B]";
    }
}
