package io.stratadb.client.protocol.codec;

import io.stratadb.client.protocol.Message;
import java.util.Objects;

/**
 * A message with the stream it travels on: what the pipeline passes above the {@link MessageCodec}.
 * The stream id pairs a response with its request on a multiplexed connection.
 */
public record Envelope(int streamId, Message message) {
    public Envelope {
        if (streamId < 0 || streamId > 0xFFFF) {
            throw new IllegalArgumentException("stream id out of range: " + streamId);
        }
        Objects.requireNonNull(message, "message");
    }
}
