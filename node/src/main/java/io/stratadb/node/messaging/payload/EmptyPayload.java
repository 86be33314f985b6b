package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.PayloadCodec;

/** No payload (acks, SCHEMA_PULL): zero bytes on the wire. */
public enum EmptyPayload {
    INSTANCE;

    public static final PayloadCodec<EmptyPayload> CODEC = new PayloadCodec<>() {
        @Override
        public Class<EmptyPayload> type() {
            return EmptyPayload.class;
        }

        @Override
        public void encode(EmptyPayload payload, ByteBuf out) {
        }

        @Override
        public EmptyPayload decode(ByteBuf in) {
            return INSTANCE;
        }
    };
}
