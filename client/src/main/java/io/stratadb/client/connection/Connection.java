package io.stratadb.client.connection;

import io.netty.channel.Channel;
import io.netty.util.Timer;
import io.stratadb.client.exception.ConnectionException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One multiplexed connection to a node, after a successful handshake. Any thread may send on it: take a
 * permit with {@link #tryAcquire()}, then {@link #send} the request; the answer completes the request's
 * future. The timeout of each request runs on the client's shared {@link Timer}.
 */
public final class Connection {
    private final Channel channel;
    private final InetSocketAddress address;
    private final InFlightLimit limit;
    private final RequestMultiplexer multiplexer;
    private final WriteCoalescer coalescer;
    private final Timer timer;
    private final CompletableFuture<Void> retired;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    Connection(Channel channel, InetSocketAddress address, InFlightLimit limit, RequestMultiplexer multiplexer,
               Timer timer, CompletableFuture<Void> retired) {
        this.channel = channel;
        this.address = address;
        this.limit = limit;
        this.multiplexer = multiplexer;
        this.timer = timer;
        this.retired = retired;
        this.coalescer = new WriteCoalescer(channel, this::failUnsent);
        channel.closeFuture().addListener(f -> closed.complete(null));
    }

    public InetSocketAddress address() {
        return address;
    }

    /** Open and not retired: may take new requests (if a permit is free). */
    public boolean isUsable() {
        return channel.isActive() && !retired.isDone();
    }

    /** Takes one of the connection's in-flight permits; false if it is full or not usable. Never blocks. */
    public boolean tryAcquire() {
        if (!isUsable() || !limit.tryAcquire()) {
            return false;
        }
        if (!isUsable()) { // closed or retired meanwhile: do not strand the request
            limit.release();
            return false;
        }
        return true;
    }

    /**
     * Sends a request for which {@link #tryAcquire()} returned true; the permit goes back when the request's
     * stream id is freed. Starts the request's timeout now. Any thread.
     */
    public void send(PendingRequest request) {
        try {
            request.setTimeout(timer.newTimeout(t -> onTimeout(request), request.timeoutNanos(),
                    TimeUnit.NANOSECONDS));
        } catch (IllegalStateException e) { // the timer was stopped: the client is closing
            failUnsent(request, e);
            return;
        }
        coalescer.enqueue(request);
    }

    private void onTimeout(PendingRequest request) {
        if (!request.fail(request.clientTimeout(address.toString()))) {
            return;
        }
        try {
            channel.eventLoop().execute(() -> multiplexer.onTimeout(request));
        } catch (RejectedExecutionException e) {
            // The event loop is shutting down and closes the channel, which frees the id anyway.
        }
    }

    private void failUnsent(PendingRequest request, Throwable cause) {
        limit.release();
        request.fail(new ConnectionException(address, false, "request not sent to " + address
                + ": the connection is closed", cause));
    }

    public int inFlight() {
        return limit.inFlight();
    }

    /** Completes when the connection was retired: too many requests timed out on it (see {@link RequestMultiplexer}). */
    public CompletableFuture<Void> retiredFuture() {
        return retired;
    }

    /** Completes when the channel has closed, for any reason. */
    public CompletableFuture<Void> closeFuture() {
        return closed;
    }

    /** Closes the channel; requests in flight fail with {@link ConnectionException}. */
    public CompletableFuture<Void> close() {
        channel.close();
        return closed;
    }

    @Override
    public String toString() {
        return "Connection[" + address + ", " + limit.inFlight() + " in flight" + (isUsable() ? "" : ", unusable")
                + "]";
    }
}
