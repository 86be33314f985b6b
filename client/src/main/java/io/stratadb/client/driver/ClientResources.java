package io.stratadb.client.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads one client owns: the NIO event loops its connections run on, and the timer that fires
 * request timeouts and reconnection attempts. Both use daemon threads, so a client someone forgot to close
 * does not keep the JVM alive.
 *
 * <p>Only NIO for now: the native epoll transport is faster but needs the platform-specific
 * netty-transport-native-epoll artifact, which is not a dependency yet.
 */
public final class ClientResources implements AutoCloseable {
    /** Timer resolution: request timeouts fire up to this late, which is fine for timeouts of milliseconds. */
    private static final long TIMER_TICK_MILLIS = 10;

    private final EventLoopGroup eventLoops;
    private final HashedWheelTimer timer;

    public ClientResources(int ioThreads) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("at least one I/O thread, not " + ioThreads);
        }
        this.eventLoops = new NioEventLoopGroup(ioThreads, new DefaultThreadFactory("strata-client-io", true));
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("strata-client-timer", true), TIMER_TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    public EventLoopGroup eventLoops() {
        return eventLoops;
    }

    public Timer timer() {
        return timer;
    }

    /** True on one of this client's event loop threads, where blocking on a request would deadlock. */
    public boolean isIoThread() {
        for (EventExecutor executor : eventLoops) {
            if (executor.inEventLoop()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops the timer and the event loops, waiting a little for them to finish, unless called on one of
     * them (which cannot wait for itself).
     */
    @Override
    public void close() {
        boolean onIoThread = isIoThread();
        timer.stop();
        var terminated = eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        if (!onIoThread) {
            terminated.awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
