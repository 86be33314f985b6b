package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** hint id (i64), then the mutation as {@link MutationPayloadCodec} writes it. */
public final class HintPayloadCodec implements PayloadCodec<HintPayload> {

    public static final HintPayloadCodec INSTANCE = new HintPayloadCodec();

    @Override
    public Class<HintPayload> type() {
        return HintPayload.class;
    }

    @Override
    public void encode(HintPayload payload, ByteBuf out) {
        out.writeLong(payload.hintId());
        MutationPayloadCodec.INSTANCE.encode(payload.mutation(), out);
    }

    @Override
    public HintPayload decode(ByteBuf in) {
        long id = in.readLong();
        return new HintPayload(id, MutationPayloadCodec.INSTANCE.decode(in));
    }
}
