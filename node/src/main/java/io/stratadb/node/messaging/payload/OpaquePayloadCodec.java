package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** i32 length + bytes. The length is redundant with the frame's but lets this payload nest in others. */
public final class OpaquePayloadCodec implements PayloadCodec<OpaquePayload> {

    public static final OpaquePayloadCodec INSTANCE = new OpaquePayloadCodec();

    @Override
    public Class<OpaquePayload> type() {
        return OpaquePayload.class;
    }

    @Override
    public void encode(OpaquePayload payload, ByteBuf out) {
        Wire.writeBytes(out, payload.bytes());
    }

    @Override
    public OpaquePayload decode(ByteBuf in) {
        return new OpaquePayload(Wire.readBytes(in, "opaque payload"));
    }
}
