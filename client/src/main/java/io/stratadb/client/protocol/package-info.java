/**
 * The StrataDB wire protocol's vocabulary, shared by the node's server and the Java client:
 * protocol versions, opcodes, consistency levels, error codes, the {@link io.stratadb.client.protocol.Message}
 * types' common interfaces and the decode-side exception tree.
 *
 * <p>The byte layouts are specified in {@code docs/protocol.md}; the constants here point back to it.
 * Sub-packages hold the framing ({@code frame}), the per-opcode codecs ({@code codec}, {@code message.*})
 * and the handshake.
 */
package io.stratadb.client.protocol;
