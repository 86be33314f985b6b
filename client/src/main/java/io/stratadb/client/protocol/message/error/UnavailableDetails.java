package io.stratadb.client.protocol.message.error;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/**
 * UNAVAILABLE details: the coordinator knew up front that fewer than {@code required} replicas were alive.
 * Wire: {@code u8 consistency, i32 required, i32 alive}.
 */
public record UnavailableDetails(ConsistencyLevel consistency, int required, int alive) implements ErrorDetails {
    public UnavailableDetails {
        Objects.requireNonNull(consistency, "consistency");
    }

    @Override
    public void write(BodyWriter out) {
        out.consistency(consistency).i32(required).i32(alive);
    }

    static UnavailableDetails read(BodyReader in) {
        return new UnavailableDetails(in.consistency(), in.i32(), in.i32());
    }
}
