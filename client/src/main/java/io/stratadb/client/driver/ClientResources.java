package io.stratadb.client.driver;

import io.netty.channel.EventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads one client owns: the event loops its connections run on ({@link NettyTransport}: epoll or
 * NIO), and the timer that fires request timeouts and reconnection attempts. Both use daemon threads, so a
 * client someone forgot to close does not keep the JVM alive.
 */
public final class ClientResources implements AutoCloseable {
    /** Timer resolution: request timeouts fire up to this late, which is fine for timeouts of milliseconds. */
    private static final long TIMER_TICK_MILLIS = 10;

    private final NettyTransport transport;
    private final EventLoopGroup eventLoops;
    private final HashedWheelTimer timer;

    public ClientResources(int ioThreads, boolean preferNativeTransport) {
        if (ioThreads < 1) {
            throw new IllegalArgumentException("at least one I/O thread, not " + ioThreads);
        }
        this.transport = NettyTransport.create(ioThreads, new DefaultThreadFactory("strata-client-io", true),
                preferNativeTransport);
        this.eventLoops = transport.eventLoops();
        this.timer = new HashedWheelTimer(new DefaultThreadFactory("strata-client-timer", true), TIMER_TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** The transport chosen, whose channel type connections must use. */
    public NettyTransport transport() {
        return transport;
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
