package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/**
 * table (u16 length + UTF-8), has-start (u8 0/1), [start (i32 length + bytes)], has-end (u8 0/1),
 * [end (i32 length + bytes)], limit (i32, > 0).
 */
public final class RangeReadPayloadCodec implements PayloadCodec<RangeReadPayload> {

    public static final RangeReadPayloadCodec INSTANCE = new RangeReadPayloadCodec();

    @Override
    public Class<RangeReadPayload> type() {
        return RangeReadPayload.class;
    }

    @Override
    public void encode(RangeReadPayload payload, ByteBuf out) {
        Wire.writeString(out, payload.table());
        Wire.writeOptionalBytes(out, payload.startExclusive());
        Wire.writeOptionalBytes(out, payload.endExclusive());
        out.writeInt(payload.limit());
    }

    @Override
    public RangeReadPayload decode(ByteBuf in) {
        String table = Wire.readString(in, "table");
        byte[] start = Wire.readOptionalBytes(in, "start key");
        byte[] end = Wire.readOptionalBytes(in, "end key");
        return new RangeReadPayload(table, start, end, in.readInt());
    }
}
