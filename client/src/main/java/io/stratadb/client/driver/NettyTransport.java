package io.stratadb.client.driver;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loops and channel type the client's connections use: Linux's native epoll when it is on the
 * classpath and works here, NIO otherwise.
 *
 * <p>Epoll is looked up by name, because the client does not depend on the platform-specific
 * {@code netty-transport-native-epoll} artifact: an application that wants it adds that dependency (with
 * its {@code linux-x86_64} or {@code linux-aarch_64} classifier) and the client picks it up.
 */
public record NettyTransport(String name, EventLoopGroup eventLoops, Class<? extends Channel> channelType) {
    private static final Logger log = LoggerFactory.getLogger(NettyTransport.class);
    private static final String EPOLL = "io.netty.channel.epoll.Epoll";
    private static final String EPOLL_GROUP = "io.netty.channel.epoll.EpollEventLoopGroup";
    private static final String EPOLL_CHANNEL = "io.netty.channel.epoll.EpollSocketChannel";

    /** Epoll if {@code preferNative} and it is available, else NIO. */
    public static NettyTransport create(int threads, ThreadFactory threadFactory, boolean preferNative) {
        if (preferNative) {
            NettyTransport epoll = epoll(threads, threadFactory);
            if (epoll != null) {
                return epoll;
            }
        }
        return nio(threads, threadFactory);
    }

    public static NettyTransport nio(int threads, ThreadFactory threadFactory) {
        return new NettyTransport("nio", new NioEventLoopGroup(threads, threadFactory), NioSocketChannel.class);
    }

    private static NettyTransport epoll(int threads, ThreadFactory threadFactory) {
        ClassLoader loader = NettyTransport.class.getClassLoader();
        try {
            Class<?> epoll = Class.forName(EPOLL, true, loader);
            if (!(Boolean) epoll.getMethod("isAvailable").invoke(null)) {
                log.debug("native epoll is on the classpath but unavailable: {}",
                        epoll.getMethod("unavailabilityCause").invoke(null));
                return null;
            }
            EventLoopGroup group = (EventLoopGroup) Class.forName(EPOLL_GROUP, true, loader)
                    .getConstructor(int.class, ThreadFactory.class).newInstance(threads, threadFactory);
            return new NettyTransport("epoll", group,
                    Class.forName(EPOLL_CHANNEL, true, loader).asSubclass(Channel.class));
        } catch (ClassNotFoundException e) {
            return null; // the usual case: the native transport is not a dependency
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            log.warn("cannot use native epoll, falling back to NIO: {}", e.toString());
            return null;
        }
    }
}
