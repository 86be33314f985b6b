package io.stratadb.client.protocol.handshake;

import io.stratadb.client.protocol.ProtocolVersion;

/**
 * User event fired down the server pipeline once READY has been sent, so request handling learns what
 * was agreed without reaching back into the handshake handler.
 */
public record HandshakeCompleted(ProtocolVersion version, Compression compression, String clientName) {
}
