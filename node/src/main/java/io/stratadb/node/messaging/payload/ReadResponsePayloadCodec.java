package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.MalformedFrameException;
import io.stratadb.node.messaging.PayloadCodec;

/**
 * A u8 form: 0 = no cell, 1 = cell ({@link CellCodec}) follows, 2 = digest (i32 length + bytes) follows.
 */
public final class ReadResponsePayloadCodec implements PayloadCodec<ReadResponsePayload> {

    public static final ReadResponsePayloadCodec INSTANCE = new ReadResponsePayloadCodec();

    private static final int NONE = 0;
    private static final int CELL = 1;
    private static final int DIGEST = 2;

    @Override
    public Class<ReadResponsePayload> type() {
        return ReadResponsePayload.class;
    }

    @Override
    public void encode(ReadResponsePayload payload, ByteBuf out) {
        if (payload.isDigest()) {
            out.writeByte(DIGEST);
            Wire.writeBytes(out, payload.digest());
        } else if (payload.cell() != null) {
            out.writeByte(CELL);
            CellCodec.write(out, payload.cell());
        } else {
            out.writeByte(NONE);
        }
    }

    @Override
    public ReadResponsePayload decode(ByteBuf in) {
        int form = in.readUnsignedByte();
        switch (form) {
            case NONE: return new ReadResponsePayload(null, null);
            case CELL: return ReadResponsePayload.ofCell(CellCodec.read(in));
            case DIGEST: return ReadResponsePayload.ofDigest(Wire.readBytes(in, "digest"));
            default: throw new MalformedFrameException("unknown read response form " + form);
        }
    }
}
