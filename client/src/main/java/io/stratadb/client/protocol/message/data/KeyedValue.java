package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import java.util.Objects;

/** One entry of a MULTI_GET_RESULT: the key asked for and what was found. */
public record KeyedValue(Bytes key, ValueResult result) {
    public KeyedValue {
        Keys.checkKey(key);
        Objects.requireNonNull(result, "result");
    }
}
