package io.stratadb.client.connection;

import io.netty.channel.Channel;
import java.nio.channels.ClosedChannelException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Batches the requests that many threads send on one channel into a few writes and one flush per
 * event-loop turn. A flush is a system call; flushing each request on its own costs more than encoding it,
 * so under load this is most of the client's throughput.
 *
 * <p>Callers append to a lock-free queue; the first to find no drain task pending schedules one on the
 * channel's event loop, which writes everything queued (up to {@link #MAX_PER_RUN}, then yields to let
 * reads in) and flushes once.
 */
public final class WriteCoalescer implements Runnable {
    /** Writes per drain before the task yields the event loop to other work (reads, other channels). */
    static final int MAX_PER_RUN = 512;

    private final Channel channel;
    private final BiConsumer<PendingRequest, Throwable> onUnwritable;
    private final Queue<PendingRequest> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();

    /**
     * @param onUnwritable told about each request that could not even be handed to the channel (its event
     *                     loop is shut down), with the reason
     */
    public WriteCoalescer(Channel channel, BiConsumer<PendingRequest, Throwable> onUnwritable) {
        this.channel = channel;
        this.onUnwritable = onUnwritable;
    }

    /** Queues a request; it is written on the event loop's next drain. Any thread. */
    public void enqueue(PendingRequest request) {
        queue.add(request);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (!drainScheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            channel.eventLoop().execute(this);
        } catch (RejectedExecutionException e) {
            drainScheduled.set(false);
            PendingRequest request;
            while ((request = queue.poll()) != null) {
                onUnwritable.accept(request, e);
            }
        }
    }

    /** The drain task: runs on the event loop. */
    @Override
    public void run() {
        int written = 0;
        PendingRequest request;
        while (written < MAX_PER_RUN && (request = queue.poll()) != null) {
            if (channel.isActive()) {
                channel.write(request, channel.voidPromise());
                written++;
            } else {
                // Once closed, the pipeline may already be torn down and would drop the request silently.
                onUnwritable.accept(request, new ClosedChannelException());
            }
        }
        if (written > 0) {
            channel.flush();
        }
        drainScheduled.set(false);
        // A request queued after the last poll but before the flag was cleared found the flag still set and
        // scheduled nothing; it must not wait for the next caller.
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }
}
