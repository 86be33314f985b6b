/**
 * One payload record per verb, each with its codec beside it. Codecs read and write Netty buffers and
 * reject malformed input with {@link io.stratadb.node.messaging.MalformedFrameException}.
 */
package io.stratadb.node.messaging.payload;
