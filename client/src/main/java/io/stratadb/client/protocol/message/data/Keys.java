package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ProtocolLimits;
import java.util.Objects;

/** Argument checks shared by the data messages' constructors. */
final class Keys {
    private Keys() {
    }

    static Bytes checkKey(Bytes key) {
        Objects.requireNonNull(key, "key");
        if (key.length() > ProtocolLimits.MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key of " + key.length() + " bytes exceeds "
                    + ProtocolLimits.MAX_KEY_BYTES);
        }
        return key;
    }
}
