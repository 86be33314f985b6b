package io.stratadb.node.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts open client connections and keeps them in a group, so shutdown can close every one of them.
 * Shared by all connections of a server.
 */
@ChannelHandler.Sharable
final class ConnectionTracker extends ChannelInboundHandlerAdapter {

    private final ChannelGroup channels;
    private final AtomicInteger open = new AtomicInteger();

    ConnectionTracker(ChannelGroup channels) {
        this.channels = channels;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        open.incrementAndGet();
        channels.add(ctx.channel());
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        open.decrementAndGet();
        ctx.fireChannelInactive();
    }

    int open() {
        return open.get();
    }
}
