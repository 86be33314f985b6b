package io.stratadb.client.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NettyTransportTest {
    @Test
    void fallsBackToNioWithoutTheNativeTransportOnTheClasspath() {
        // The client module does not depend on netty-transport-native-epoll, so epoll cannot be found here.
        NettyTransport transport = NettyTransport.create(1, new DefaultThreadFactory("transport-test", true), true);
        try {
            assertEquals("nio", transport.name());
            assertEquals(NioSocketChannel.class, transport.channelType());
        } finally {
            transport.eventLoops().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
