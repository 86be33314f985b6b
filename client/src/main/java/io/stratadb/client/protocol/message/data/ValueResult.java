package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/**
 * What a read found for one key: absent, or a value with the timestamp (microseconds) of the write that
 * produced it. Wire: {@code u8 found} then, if found, {@code value} and {@code i64 timestamp}.
 */
public record ValueResult(boolean found, Bytes value, long writeTimestampMicros) {
    private static final ValueResult ABSENT = new ValueResult(false, Bytes.EMPTY, 0);

    public ValueResult {
        Objects.requireNonNull(value, "value");
        if (!found && (value.length() != 0 || writeTimestampMicros != 0)) {
            throw new IllegalArgumentException("an absent result has no value or timestamp");
        }
    }

    public static ValueResult absent() {
        return ABSENT;
    }

    public static ValueResult of(Bytes value, long writeTimestampMicros) {
        return new ValueResult(true, value, writeTimestampMicros);
    }

    static void write(BodyWriter out, ValueResult r) {
        out.bool(r.found);
        if (r.found) {
            out.value(r.value).i64(r.writeTimestampMicros);
        }
    }

    static ValueResult read(BodyReader in) {
        return in.bool("found") ? of(in.value("value"), in.i64()) : ABSENT;
    }
}
