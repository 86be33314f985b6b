package io.stratadb.node.schema;

import io.stratadb.storage.Cell;
import io.stratadb.storage.engine.KeyCell;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema snapshot nodes exchange (SCHEMA_PUSH payload), big-endian:
 *
 * <pre>
 * u8  format version (1)
 * i32 row count
 * per row: i32 key length, key bytes (keyspace name, UTF-8),
 *          u8 cell kind, i64 timestamp micros, i32 local deletion time,
 *          i32 value length (-1: no value), value bytes (the keyspace record, see KeyspaceRecordCodec)
 * </pre>
 */
public final class SchemaRowsCodec {

    public static final int VERSION_1 = 1;
    private static final int MAX_ROWS = 100_000;

    private SchemaRowsCodec() {
    }

    public static byte[] encode(List<KeyCell> rows) {
        int size = 5;
        for (KeyCell kc : rows) {
            size += 4 + kc.key().length + 1 + 8 + 4 + 4 + (kc.cell().value() == null ? 0 : kc.cell().value().length);
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) VERSION_1).putInt(rows.size());
        for (KeyCell kc : rows) {
            Cell c = kc.cell();
            b.putInt(kc.key().length).put(kc.key());
            b.put((byte) c.kind().code()).putLong(c.timestamp()).putInt(c.localDeletionTime());
            if (c.value() == null) {
                b.putInt(-1);
            } else {
                b.putInt(c.value().length).put(c.value());
            }
        }
        return b.array();
    }

    /** The rows; IllegalArgumentException for a snapshot that is malformed or of an unknown version. */
    public static List<KeyCell> decode(byte[] bytes) {
        try {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            int version = b.get() & 0xFF;
            if (version != VERSION_1) {
                throw new IllegalArgumentException("unknown schema snapshot version " + version);
            }
            int count = b.getInt();
            if (count < 0 || count > MAX_ROWS) {
                throw new IllegalArgumentException("schema snapshot row count " + count);
            }
            List<KeyCell> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[checkedLength(b.getInt(), b)];
                b.get(key);
                Cell.Kind kind = Cell.Kind.fromCode(b.get() & 0xFF);
                long ts = b.getLong();
                int ldt = b.getInt();
                int len = b.getInt();
                byte[] value = null;
                if (len != -1) {
                    value = new byte[checkedLength(len, b)];
                    b.get(value);
                }
                rows.add(new KeyCell(key, Cell.of(kind, ts, ldt, value)));
            }
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("schema snapshot has " + b.remaining() + " trailing bytes");
            }
            return rows;
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("schema snapshot is truncated", e);
        }
    }

    private static int checkedLength(int len, ByteBuffer b) {
        if (len < 0 || len > b.remaining()) {
            throw new IllegalArgumentException("schema snapshot has a bad length " + len);
        }
        return len;
    }
}
