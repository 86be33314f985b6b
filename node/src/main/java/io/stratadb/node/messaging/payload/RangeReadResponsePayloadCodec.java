package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.MalformedFrameException;
import io.stratadb.node.messaging.PayloadCodec;
import io.stratadb.storage.engine.KeyCell;

import java.util.ArrayList;
import java.util.List;

/**
 * count (i32), then per entry key (i32 length + bytes) and cell ({@link CellCodec}); then has-next (u8
 * 0/1) and [next page key (i32 length + bytes)].
 */
public final class RangeReadResponsePayloadCodec implements PayloadCodec<RangeReadResponsePayload> {

    public static final RangeReadResponsePayloadCodec INSTANCE = new RangeReadResponsePayloadCodec();

    /** The smallest encoded entry: empty key (4) + cell with empty value (1 + 8 + 4 + 4). */
    private static final int MIN_ENTRY_BYTES = 21;

    @Override
    public Class<RangeReadResponsePayload> type() {
        return RangeReadResponsePayload.class;
    }

    @Override
    public void encode(RangeReadResponsePayload payload, ByteBuf out) {
        out.writeInt(payload.entries().size());
        for (KeyCell e : payload.entries()) {
            Wire.writeBytes(out, e.key());
            CellCodec.write(out, e.cell());
        }
        Wire.writeOptionalBytes(out, payload.nextPageKey());
    }

    @Override
    public RangeReadResponsePayload decode(ByteBuf in) {
        int count = in.readInt();
        // Bounded by the bytes present, so a forged count cannot make us allocate a huge list.
        if (count < 0 || (long) count * MIN_ENTRY_BYTES > in.readableBytes()) {
            throw new MalformedFrameException("range read response with " + count + " entries in "
                    + in.readableBytes() + " bytes");
        }
        List<KeyCell> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] key = Wire.readBytes(in, "entry key");
            entries.add(new KeyCell(key, CellCodec.read(in)));
        }
        return new RangeReadResponsePayload(entries, Wire.readOptionalBytes(in, "next page key"));
    }
}
