package io.stratadb.node.hints;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The payload of one hint entry (format V1, see {@code docs/hints.md}), big-endian, every variable part
 * preceded by its length:
 *
 * <pre>
 * created_at_millis i64 | table_len u16 | table UTF-8 | key_len u32 | key
 * | cell_kind u8 | cell_timestamp_micros i64 | local_deletion_time i32 | value_len u32 | value
 * </pre>
 *
 * Framing and checksums belong to {@link HintFileWriter}; this class only turns a hint into bytes and back.
 */
public final class HintCodec {

    /** Fixed-size part of a payload: everything but the table name, key and value bytes. */
    static final int FIXED_BYTES = 8 + 2 + 4 + 1 + 8 + 4 + 4;

    private HintCodec() {
    }

    public static byte[] encode(Hint hint) {
        Mutation m = hint.mutation();
        byte[] table = m.table().getBytes(StandardCharsets.UTF_8);
        if (table.length > 0xFFFF) {
            throw new IllegalArgumentException("table name longer than 65535 bytes");
        }
        Cell cell = m.cell();
        byte[] key = m.key();
        byte[] value = cell.value();
        ByteBuffer out = ByteBuffer.allocate(FIXED_BYTES + table.length + key.length + value.length);
        out.putLong(hint.createdAtMillis());
        out.putShort((short) table.length).put(table);
        out.putInt(key.length).put(key);
        out.put((byte) cell.kind().code());
        out.putLong(cell.timestamp());
        out.putInt(cell.localDeletionTime());
        out.putInt(value.length).put(value);
        return out.array();
    }

    /**
     * Decodes a payload whose checksum already matched.
     *
     * @throws IllegalArgumentException if the bytes do not form a hint (lengths that run past the end,
     *     trailing bytes, an unknown cell kind): with a good CRC that means a writer bug, still corruption
     */
    public static Hint decode(ByteBuffer payload) {
        try {
            long createdAt = payload.getLong();
            String table = new String(bytes(payload, Short.toUnsignedInt(payload.getShort())), StandardCharsets.UTF_8);
            byte[] key = bytes(payload, payload.getInt());
            Cell.Kind kind = Cell.Kind.fromCode(Byte.toUnsignedInt(payload.get()));
            long timestamp = payload.getLong();
            int localDeletionTime = payload.getInt();
            byte[] value = bytes(payload, payload.getInt());
            if (payload.hasRemaining()) {
                throw new IllegalArgumentException(payload.remaining() + " bytes after the hint");
            }
            return new Hint(createdAt, new Mutation(table, key, Cell.of(kind, timestamp, localDeletionTime, value)));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("hint payload ends early", e);
        }
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("length " + length + " runs past the payload");
        }
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }
}
