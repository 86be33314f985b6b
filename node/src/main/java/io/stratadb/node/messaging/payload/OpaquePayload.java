package io.stratadb.node.messaging.payload;

import java.util.Arrays;
import java.util.Objects;

/**
 * Bytes another module encodes (gossip messages with the gossip codecs, schema snapshots): messaging
 * carries them without knowing their shape, so those formats version themselves.
 */
public record OpaquePayload(byte[] bytes) {

    public OpaquePayload {
        Objects.requireNonNull(bytes, "bytes");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OpaquePayload other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "OpaquePayload[" + bytes.length + "B]";
    }
}
