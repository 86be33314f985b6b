package io.stratadb.storage.commitlog;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The V1 payload of a commit-log entry: one {@link Mutation}. Layout (big-endian), as in
 * docs/commitlog-format.md ("Mutation payload"):
 *
 * <pre>
 * u16 table name length T, then T bytes of UTF-8
 * u32 key length K, then K bytes
 * u8  cell kind code ({@link Cell.Kind#code()})
 * i64 timestamp, microseconds since the epoch
 * i32 localDeletionTime, epoch seconds
 * u32 value length V, then V bytes (0 for a tombstone)
 * </pre>
 *
 * <p>Every length is explicit so a reader never has to trust a terminator. An instance holds a
 * decoder and is not thread-safe; the size checks are stateless and static.
 */
final class MutationCodec {

    /** Bytes of a payload besides the table name, key and value. */
    static final int FIXED_BYTES = 2 + 4 + 1 + 8 + 4 + 4;
    static final int MAX_TABLE_NAME_BYTES = 0xFFFF;
    /** The largest payload any configuration can produce; readers reject larger lengths outright. */
    static final int MAX_ENCODED_SIZE = FIXED_BYTES + MAX_TABLE_NAME_BYTES + StorageConfig.MAX_KEY_SIZE
            + StorageConfig.MAX_VALUE_SIZE_LIMIT;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    /**
     * Bytes {@code m} encodes to. {@code tableNameBytes} comes from {@link #utf8Length}, which the caller
     * has already validated (computing it twice per append would be wasted work on the hot path).
     */
    static int encodedSize(Mutation m, int tableNameBytes) {
        return FIXED_BYTES + tableNameBytes + m.key().length + m.cell().value().length;
    }

    /**
     * Length of {@code s} in UTF-8, without allocating; -1 if {@code s} holds an unpaired surrogate
     * (which has no UTF-8 form, so it must be refused rather than silently replaced).
     */
    static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return -1;
                }
                bytes += 4;
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return -1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Writes {@code m} at {@code dst}'s position; the caller has made room for {@link #encodedSize}. */
    static void encode(Mutation m, int tableNameBytes, ByteBuffer dst) {
        String table = m.table();
        dst.putShort((short) tableNameBytes);
        if (tableNameBytes == table.length()) {
            // ASCII, the usual case: copy chars directly instead of allocating an encoded array.
            for (int i = 0; i < table.length(); i++) {
                dst.put((byte) table.charAt(i));
            }
        } else {
            dst.put(table.getBytes(StandardCharsets.UTF_8));
        }
        byte[] key = m.key();
        dst.putInt(key.length);
        dst.put(key);
        Cell cell = m.cell();
        dst.put((byte) cell.kind().code());
        dst.putLong(cell.timestamp());
        dst.putInt(cell.localDeletionTime());
        byte[] value = cell.value();
        dst.putInt(value.length);
        dst.put(value);
    }

    /**
     * Reads one mutation that fills {@code src} exactly.
     *
     * @throws IllegalArgumentException saying which field is malformed
     */
    Mutation decode(ByteBuffer src) {
        try {
            int tableLength = Short.toUnsignedInt(src.getShort());
            String table = decodeTableName(src, tableLength);
            byte[] key = readBytes(src, src.getInt(), StorageConfig.MAX_KEY_SIZE, "key");
            int kindCode = Byte.toUnsignedInt(src.get());
            Cell.Kind kind;
            try {
                kind = Cell.Kind.fromCode(kindCode);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown cell kind code " + kindCode);
            }
            long timestamp = src.getLong();
            int localDeletionTime = src.getInt();
            byte[] value = readBytes(src, src.getInt(), StorageConfig.MAX_VALUE_SIZE_LIMIT, "value");
            if (kind == Cell.Kind.TOMBSTONE && value.length != 0) {
                throw new IllegalArgumentException("tombstone with a " + value.length + "-byte value");
            }
            if (src.hasRemaining()) {
                throw new IllegalArgumentException(src.remaining() + " unexpected bytes after the value");
            }
            return new Mutation(table, key, Cell.of(kind, timestamp, localDeletionTime, value));
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("payload ends inside a field");
        }
    }

    private String decodeTableName(ByteBuffer src, int length) {
        if (length > src.remaining()) {
            throw new IllegalArgumentException("table name length " + length + " exceeds the payload");
        }
        ByteBuffer bytes = src.slice().limit(length);
        src.position(src.position() + length);
        try {
            CharBuffer chars = utf8.reset().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("table name is not valid UTF-8");
        }
    }

    private static byte[] readBytes(ByteBuffer src, int length, int max, String what) {
        if (length < 0 || length > max) {
            throw new IllegalArgumentException(what + " length " + Integer.toUnsignedString(length)
                    + " outside [0, " + max + "]");
        }
        if (length > src.remaining()) {
            throw new IllegalArgumentException(what + " length " + length + " exceeds the payload");
        }
        byte[] out = new byte[length];
        src.get(out);
        return out;
    }
}
