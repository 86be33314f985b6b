package io.stratadb.node.messaging;

/**
 * Constants of the internode wire format; docs/internode-protocol.md describes it byte by byte.
 *
 * <pre>
 * handshake = magic:i32 version:u8 hostLength:u8 host:bytes port:u16     (once, connector to acceptor)
 * frame     = version:u8 verb:u16 flags:u8 requestId:i64 length:i32 payload:bytes[length]
 * </pre>
 */
final class FrameFormat {

    /** "STRM": lets the acceptor reject a client-protocol or HTTP connection on the internode port. */
    static final int MAGIC = 0x5354524D;

    /** Version 1: the first format. Bump when the header or a payload layout changes. */
    static final int VERSION = 1;

    static final int HEADER_BYTES = 1 + 2 + 1 + 8 + 4;

    static final int LENGTH_OFFSET = 12;

    /** Flag bits above the kind are reserved and must be zero in version 1. */
    static final int RESERVED_FLAGS = ~MessageKind.MASK & 0xFF;

    private FrameFormat() {
    }
}
