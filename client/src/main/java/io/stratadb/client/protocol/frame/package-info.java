/**
 * Framing: the fixed 9-byte header, the Netty {@link io.stratadb.client.protocol.frame.FrameDecoder} and
 * {@link io.stratadb.client.protocol.frame.FrameEncoder} that cut and join frames, and the LZ4 body
 * compression handlers installed once the handshake chose it. Nothing here looks inside a body; turning
 * bodies into messages is the {@code codec} package's job.
 */
package io.stratadb.client.protocol.frame;
