package io.stratadb.ycsb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A YCSB record (field name -> bytes) as one StrataDB value:
 * {@code u16 fieldCount, then per field: u16 nameLength, name (UTF-8), u32 valueLength, value}.
 */
final class RecordCodec {

    private RecordCodec() {
    }

    static byte[] encode(Map<String, byte[]> fields) {
        int size = 2;
        for (Map.Entry<String, byte[]> e : fields.entrySet()) {
            size += 2 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 4 + e.getValue().length;
        }
        ByteBuffer buf = ByteBuffer.allocate(size);
        buf.putShort((short) fields.size());
        for (Map.Entry<String, byte[]> e : fields.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            buf.putShort((short) name.length).put(name).putInt(e.getValue().length).put(e.getValue());
        }
        return buf.array();
    }

    static Map<String, byte[]> decode(byte[] value) {
        ByteBuffer buf = ByteBuffer.wrap(value);
        int count = Short.toUnsignedInt(buf.getShort());
        Map<String, byte[]> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            byte[] name = new byte[Short.toUnsignedInt(buf.getShort())];
            buf.get(name);
            byte[] v = new byte[buf.getInt()];
            buf.get(v);
            fields.put(new String(name, StandardCharsets.UTF_8), v);
        }
        return fields;
    }
}
