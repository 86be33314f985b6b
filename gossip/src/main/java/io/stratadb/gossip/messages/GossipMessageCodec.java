package io.stratadb.gossip.messages;

import java.nio.ByteBuffer;

/**
 * Turns one message type into bytes and back. Implementations are stateless and thread-safe.
 *
 * @param <M> the message type this codec handles
 */
public interface GossipMessageCodec<M extends GossipMessage> {

    /**
     * Encodes a message.
     *
     * @throws IllegalArgumentException if the message exceeds a limit of {@link GossipWireFormat},
     *     so a node never sends what its peers would reject
     */
    byte[] encode(M message);

    /**
     * Decodes the remaining bytes of {@code bytes}, which must hold exactly one message. The
     * buffer's position is left unchanged.
     *
     * @throws MalformedMessageException if the bytes are not exactly one valid message
     */
    M decode(ByteBuffer bytes);

    default M decode(byte[] bytes) {
        return decode(ByteBuffer.wrap(bytes));
    }
}
