package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;

/** Decoding a payload by verb with the checks every transport needs. */
final class Payloads {

    private Payloads() {
    }

    /** Decodes all of {@code in} as {@code verb}'s payload, or throws {@link MalformedFrameException}. */
    static Message decode(Verb verb, ByteBuf in) {
        Object payload;
        try {
            payload = verb.codec().decode(in);
        } catch (IndexOutOfBoundsException e) {
            throw new MalformedFrameException(verb + " payload truncated", e);
        } catch (IllegalArgumentException e) {
            // Records validate their fields; a peer that sent an invalid one sent a malformed payload.
            throw new MalformedFrameException(verb + " payload invalid: " + e.getMessage(), e);
        }
        if (in.isReadable()) {
            throw new MalformedFrameException(verb + " payload has " + in.readableBytes() + " trailing bytes");
        }
        return Message.of(verb, payload);
    }
}
