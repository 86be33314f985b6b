package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** code (u8), message (u16 length + UTF-8, truncated to fit). */
public final class FailurePayloadCodec implements PayloadCodec<FailurePayload> {

    public static final FailurePayloadCodec INSTANCE = new FailurePayloadCodec();

    /** Long stack-trace-like messages are cut: the requester needs the reason, not a novel. */
    private static final int MAX_MESSAGE_CHARS = 1000;

    @Override
    public Class<FailurePayload> type() {
        return FailurePayload.class;
    }

    @Override
    public void encode(FailurePayload payload, ByteBuf out) {
        out.writeByte(payload.code().id());
        String m = payload.message();
        Wire.writeString(out, m.length() > MAX_MESSAGE_CHARS ? m.substring(0, MAX_MESSAGE_CHARS) : m);
    }

    @Override
    public FailurePayload decode(ByteBuf in) {
        FailurePayload.Code code = FailurePayload.Code.fromId(in.readUnsignedByte());
        return new FailurePayload(code, Wire.readString(in, "failure message"));
    }
}
