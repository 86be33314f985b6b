package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.MalformedFrameException;
import io.stratadb.storage.Cell;

/**
 * A cell on the wire: kind (u8, {@link Cell.Kind#code()}), timestamp (i64 micros), localDeletionTime
 * (i32 seconds), value (i32 length + bytes; empty for a tombstone). Explicit fields rather than the
 * storage engine's on-disk encoding, so the storage format can change without a protocol version bump.
 */
public final class CellCodec {

    private CellCodec() {
    }

    public static void write(ByteBuf out, Cell cell) {
        out.writeByte(cell.kind().code());
        out.writeLong(cell.timestamp());
        out.writeInt(cell.localDeletionTime());
        Wire.writeBytes(out, cell.value());
    }

    public static Cell read(ByteBuf in) {
        int code = in.readUnsignedByte();
        Cell.Kind kind;
        try {
            kind = Cell.Kind.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("unknown cell kind " + code, e);
        }
        long timestamp = in.readLong();
        int localDeletionTime = in.readInt();
        byte[] value = Wire.readBytes(in, "cell value");
        if (kind == Cell.Kind.TOMBSTONE && value.length != 0) {
            throw new MalformedFrameException("tombstone with a " + value.length + "-byte value");
        }
        return Cell.of(kind, timestamp, localDeletionTime, value);
    }
}
