/**
 * The message types of each protocol version, grouped by purpose in sub-packages ({@code data},
 * {@code schema}, {@code error}; HELLO/READY live in {@code handshake}), and {@link
 * io.stratadb.client.protocol.message.V1Codecs}, the opcode table of version 1.
 */
package io.stratadb.client.protocol.message;
