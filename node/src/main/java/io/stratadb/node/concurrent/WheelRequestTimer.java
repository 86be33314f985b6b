package io.stratadb.node.concurrent;

import io.netty.util.HashedWheelTimer;

import java.util.concurrent.TimeUnit;

/**
 * {@link RequestTimer} on Netty's hashed wheel: scheduling and cancelling are O(1) and allocate one small
 * object, which matters when every request carries a timeout that almost never fires. Precision is the
 * tick (10 ms), plenty for timeouts measured in seconds. One wheel (one thread) per node.
 */
public final class WheelRequestTimer implements RequestTimer {

    private final HashedWheelTimer wheel;

    public WheelRequestTimer(NodeThreadFactory threadFactory) {
        this.wheel = new HashedWheelTimer(threadFactory, 10, TimeUnit.MILLISECONDS, 512);
    }

    @Override
    public Timeout schedule(Runnable task, long delayMillis) {
        io.netty.util.Timeout t = wheel.newTimeout(ignored -> task.run(), delayMillis, TimeUnit.MILLISECONDS);
        return t::cancel;
    }

    @Override
    public void close() {
        wheel.stop();
    }
}
