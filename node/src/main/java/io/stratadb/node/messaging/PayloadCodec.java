package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;

/**
 * Turns one verb's payload into bytes and back. Stateless and thread-safe. {@code decode} is given a
 * buffer holding exactly the payload and must consume all of it; running out of bytes surfaces as Netty's
 * {@link IndexOutOfBoundsException}, which the transports turn into a {@link MalformedFrameException}.
 */
public interface PayloadCodec<T> {

    Class<T> type();

    void encode(T payload, ByteBuf out);

    T decode(ByteBuf in);
}
