package io.stratadb.node.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.util.concurrent.ThreadFactory;

/**
 * Native epoll where it loads (Linux x86_64: fewer syscalls and allocations than NIO), NIO elsewhere or
 * when {@code use_epoll} is false.
 */
enum TransportKind {
    EPOLL {
        @Override
        EventLoopGroup newGroup(int threads, ThreadFactory factory) {
            return new EpollEventLoopGroup(threads, factory);
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return EpollServerSocketChannel.class;
        }
    },
    NIO {
        @Override
        EventLoopGroup newGroup(int threads, ThreadFactory factory) {
            return new NioEventLoopGroup(threads, factory);
        }

        @Override
        Class<? extends ServerChannel> serverChannel() {
            return NioServerSocketChannel.class;
        }
    };

    abstract EventLoopGroup newGroup(int threads, ThreadFactory factory);

    abstract Class<? extends ServerChannel> serverChannel();

    static TransportKind choose(boolean preferEpoll) {
        return preferEpoll && Epoll.isAvailable() ? EPOLL : NIO;
    }
}
