/**
 * The connection handshake: the client's HELLO (versions it speaks, options) and the server's READY (the
 * chosen version and options), the pure {@link io.stratadb.client.protocol.handshake.HandshakeNegotiator}
 * rule that picks them, the server-side Netty handler that refuses everything until the handshake is done,
 * the responder that answers decode errors with ERROR frames, and the helper that assembles the standard
 * handler stack.
 */
package io.stratadb.client.protocol.handshake;
