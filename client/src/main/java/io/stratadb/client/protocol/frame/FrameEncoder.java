package io.stratadb.client.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Writes a {@link Frame} as its header followed by its body. The body is passed on as is (retained),
 * not copied into a new buffer: the transport gathers both into one write.
 */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToMessageEncoder<Frame> {
    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        ByteBuf body = frame.content();
        ByteBuf header = ctx.alloc().ioBuffer(FrameHeader.LENGTH);
        FrameHeader.write(frame, body.readableBytes(), header);
        out.add(header);
        out.add(body.retain());
    }
}
