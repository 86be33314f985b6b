package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the four Paxos writes share: the checks of their two levels, and the {@code u8 options} byte with
 * an optional TTL. A client timestamp is not allowed (its bit is refused): the timestamp of a serial write
 * comes from its ballot, which is what keeps serial writes in Paxos order.
 */
final class SerialWrites {
    private SerialWrites() {
    }

    /** The checks every {@link io.stratadb.client.protocol.SerialWriteRequest} constructor makes. */
    static void check(String keyspace, ConsistencyLevel consistency, ConsistencyLevel serialConsistency, Bytes key) {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(serialConsistency, "serialConsistency");
        Keys.checkKey(key);
        if (!consistency.isValidForWrite()) {
            throw new IllegalArgumentException("the commit consistency of a serial write must be a write level, not "
                    + consistency);
        }
        if (!serialConsistency.isSerial()) {
            throw new IllegalArgumentException("the serial consistency must be SERIAL or LOCAL_SERIAL, not "
                    + serialConsistency);
        }
    }

    static void writeTtl(BodyWriter out, OptionalInt ttlSeconds) {
        out.u8(ttlSeconds.isPresent() ? WriteOptions.HAS_TTL : 0);
        ttlSeconds.ifPresent(out::i32);
    }

    static OptionalInt readTtl(BodyReader in, String message) {
        int options = in.u8();
        if ((options & ~WriteOptions.HAS_TTL) != 0) {
            throw in.malformed(message + ": option bits 0x" + Integer.toHexString(options)
                    + " (only 0x01, TTL, is allowed)");
        }
        return options != 0 ? OptionalInt.of(in.i32()) : OptionalInt.empty();
    }
}
