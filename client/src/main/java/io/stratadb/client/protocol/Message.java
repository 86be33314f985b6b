package io.stratadb.client.protocol;

/** A decoded frame body. Each implementation belongs to exactly one {@link Opcode}. */
public interface Message {
    Opcode opcode();
}
