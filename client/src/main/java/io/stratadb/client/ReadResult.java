package io.stratadb.client;

import io.stratadb.client.protocol.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a read found for one key: a value with the timestamp of the write that produced it, or nothing (the
 * key was never written, was deleted, or expired). An empty value is a value: {@link #isPresent()}
 * tells the two apart.
 */
public final class ReadResult {
    private final Bytes key;
    private final Bytes value; // null when absent
    private final long writeTimestampMicros;

    private ReadResult(Bytes key, Bytes value, long writeTimestampMicros) {
        this.key = key;
        this.value = value;
        this.writeTimestampMicros = writeTimestampMicros;
    }

    static ReadResult present(Bytes key, Bytes value, long writeTimestampMicros) {
        return new ReadResult(key, Objects.requireNonNull(value, "value"), writeTimestampMicros);
    }

    static ReadResult absent(Bytes key) {
        return new ReadResult(key, null, 0);
    }

    /** True if the key has a live value (possibly empty). */
    public boolean isPresent() {
        return value != null;
    }

    /** A copy of the key that was read. */
    public byte[] key() {
        return key.toArray();
    }

    /** The key decoded as UTF-8. */
    public String keyAsString() {
        return new String(key.unsafeArray(), StandardCharsets.UTF_8);
    }

    /** A copy of the value, or {@code null} if the key has none. */
    public byte[] value() {
        return value == null ? null : value.toArray();
    }

    /** The value decoded as UTF-8 (malformed bytes become U+FFFD), or {@code null} if the key has none. */
    public String valueAsString() {
        return value == null ? null : new String(value.unsafeArray(), StandardCharsets.UTF_8);
    }

    /**
     * When the value was written: microseconds since the Unix epoch.
     *
     * @throws IllegalStateException if the key has no value
     */
    public long writeTimestampMicros() {
        if (value == null) {
            throw new IllegalStateException("no value, so no write timestamp, for key " + key);
        }
        return writeTimestampMicros;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadResult r && r.key.equals(key) && Objects.equals(r.value, value)
                && r.writeTimestampMicros == writeTimestampMicros;
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value, writeTimestampMicros);
    }

    @Override
    public String toString() {
        return value == null ? "ReadResult[" + key + " absent]"
                : "ReadResult[" + key + " = " + value + " @" + writeTimestampMicros + "]";
    }
}
