package io.stratadb.client.protocol.codec;

import io.stratadb.client.protocol.Message;

/**
 * Encodes and decodes the body of one message type. Each message class carries its codec as a nested
 * {@code Codec} class, so the layout and the fields live in one file.
 *
 * <p>Decoders read only through {@link BodyReader}, which bounds-checks everything and raises
 * {@link io.stratadb.client.protocol.ProtocolException}s with the stream id; they must not hold on to the
 * underlying buffer (messages copy what they keep).
 */
public interface BodyCodec<M extends Message> {
    void encode(M message, BodyWriter out);

    M decode(BodyReader in);

    /** A guess of the encoded size, to size the output buffer once; need not be exact. */
    default int estimatedSize(M message) {
        return 64;
    }
}
