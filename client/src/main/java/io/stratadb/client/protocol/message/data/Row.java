package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import java.util.Objects;

/** One live row of a scan page: key, value and the value's write timestamp (microseconds). */
public record Row(Bytes key, Bytes value, long writeTimestampMicros) {
    public Row {
        Keys.checkKey(key);
        Objects.requireNonNull(value, "value");
    }
}
