package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** table (u16 length + UTF-8), key (i32 length + bytes), cell ({@link CellCodec}). */
public final class MutationPayloadCodec implements PayloadCodec<MutationPayload> {

    public static final MutationPayloadCodec INSTANCE = new MutationPayloadCodec();

    @Override
    public Class<MutationPayload> type() {
        return MutationPayload.class;
    }

    @Override
    public void encode(MutationPayload payload, ByteBuf out) {
        Wire.writeString(out, payload.table());
        Wire.writeBytes(out, payload.key());
        CellCodec.write(out, payload.cell());
    }

    @Override
    public MutationPayload decode(ByteBuf in) {
        String table = Wire.readString(in, "table");
        byte[] key = Wire.readBytes(in, "key");
        return new MutationPayload(table, key, CellCodec.read(in));
    }
}
