package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;

/**
 * A frame cut from the stream but not yet decoded. The verb id is kept raw so an id from a newer peer
 * can be answered instead of closing the connection. The payload is a retained slice: release it.
 */
record InboundFrame(int verbId, MessageKind kind, long requestId, ByteBuf payload) {
}
