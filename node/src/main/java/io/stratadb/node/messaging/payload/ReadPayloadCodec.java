package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** table (u16 length + UTF-8), key (i32 length + bytes), digest-only (u8, 0 or 1). */
public final class ReadPayloadCodec implements PayloadCodec<ReadPayload> {

    public static final ReadPayloadCodec INSTANCE = new ReadPayloadCodec();

    @Override
    public Class<ReadPayload> type() {
        return ReadPayload.class;
    }

    @Override
    public void encode(ReadPayload payload, ByteBuf out) {
        Wire.writeString(out, payload.table());
        Wire.writeBytes(out, payload.key());
        out.writeByte(payload.digestOnly() ? 1 : 0);
    }

    @Override
    public ReadPayload decode(ByteBuf in) {
        String table = Wire.readString(in, "table");
        byte[] key = Wire.readBytes(in, "key");
        return new ReadPayload(table, key, Wire.readBoolean(in, "digest-only flag"));
    }
}
