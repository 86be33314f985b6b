/**
 * Turning frame bodies into {@link io.stratadb.client.protocol.Message}s and back: the
 * {@link io.stratadb.client.protocol.codec.BodyCodec} contract each message type implements beside its
 * class, the bounds-checked {@link io.stratadb.client.protocol.codec.BodyReader} and
 * {@link io.stratadb.client.protocol.codec.BodyWriter} for the wire primitives, the opcode-indexed
 * {@link io.stratadb.client.protocol.codec.CodecRegistry}, and the Netty
 * {@link io.stratadb.client.protocol.codec.MessageCodec} that sits above the frame handlers.
 */
package io.stratadb.client.protocol.codec;
