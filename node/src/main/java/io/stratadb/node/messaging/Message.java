package io.stratadb.node.messaging;

import java.util.Objects;

/** A verb and its payload; the payload's type is checked against the verb's codec when built. */
public record Message(Verb verb, Object payload) {

    public Message {
        Objects.requireNonNull(verb, "verb");
        Objects.requireNonNull(payload, "payload");
        if (!verb.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(verb + " carries " + verb.payloadType().getSimpleName()
                    + ", not " + payload.getClass().getSimpleName());
        }
    }

    public static Message of(Verb verb, Object payload) {
        return new Message(verb, payload);
    }

    public <T> T payload(Class<T> type) {
        return type.cast(payload);
    }
}
