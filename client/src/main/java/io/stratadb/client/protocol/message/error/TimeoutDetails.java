package io.stratadb.client.protocol.message.error;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/**
 * TIMEOUT details: only {@code received} of {@code required} replicas answered in time. Wire:
 * {@code u8 consistency, u8 kind, i32 received, i32 required}.
 */
public record TimeoutDetails(ConsistencyLevel consistency, TimeoutKind kind, int received, int required)
        implements ErrorDetails {
    public TimeoutDetails {
        Objects.requireNonNull(consistency, "consistency");
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public void write(BodyWriter out) {
        out.consistency(consistency).u8(kind.code()).i32(received).i32(required);
    }

    static TimeoutDetails read(BodyReader in) {
        ConsistencyLevel cl = in.consistency();
        int kindCode = in.u8();
        TimeoutKind kind = TimeoutKind.fromCode(kindCode);
        if (kind == null) {
            throw in.malformed("unknown timeout kind 0x" + Integer.toHexString(kindCode));
        }
        return new TimeoutDetails(cl, kind, in.i32(), in.i32());
    }
}
