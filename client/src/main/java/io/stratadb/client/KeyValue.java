package io.stratadb.client;

import io.stratadb.client.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One live row of a scan: key, value and the timestamp of the write that produced the value. */
public final class KeyValue {
    private final Bytes key;
    private final Bytes value;
    private final long writeTimestampMicros;

    KeyValue(Bytes key, Bytes value, long writeTimestampMicros) {
        this.key = Objects.requireNonNull(key, "key");
        this.value = Objects.requireNonNull(value, "value");
        this.writeTimestampMicros = writeTimestampMicros;
    }

    /** A copy of the key. */
    public byte[] key() {
        return key.toArray();
    }

    /** The key decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String keyAsString() {
        return new String(key.unsafeArray(), StandardCharsets.UTF_8);
    }

    /** A copy of the value. */
    public byte[] value() {
        return value.toArray();
    }

    /** The value decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String valueAsString() {
        return new String(value.unsafeArray(), StandardCharsets.UTF_8);
    }

    /** Microseconds since the Unix epoch. */
    public long writeTimestampMicros() {
        return writeTimestampMicros;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue kv && kv.key.equals(key) && kv.value.equals(value)
                && kv.writeTimestampMicros == writeTimestampMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, writeTimestampMicros);
    }

    @Override
    public String toString() {
        return "KeyValue[" + key + " = " + value + " @" + writeTimestampMicros + "]";
    }
}
