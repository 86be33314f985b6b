package io.stratadb.node.messaging;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.stratadb.gossip.state.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The one connection this node sends on to one peer: connected lazily on the first message, re-connected
 * after it drops, with an exponential back-off after failed attempts.
 *
 * <p>Senders only enqueue; one drain task on the channel's event loop writes everything queued and
 * flushes once. So thousands of concurrent senders cost one event-loop wake-up per batch, not one per
 * message, and messages reach the socket in the order they were queued.
 *
 * <p>{@code pending} counts every message accepted and not yet written to the socket (queued, or in
 * Netty's outbound buffer). It is the backpressure bound: past {@code capacity}, {@link #offer} refuses,
 * so a slow or dead peer costs bounded memory. A failed connection attempt fails everything queued for it
 * at once, so requests to a dead peer fail fast instead of timing out.
 */
final class OutboundConnection {

    private static final Logger log = LoggerFactory.getLogger(OutboundConnection.class);

    private final Endpoint peer;
    private final Handshake handshake;
    private final Bootstrap bootstrap;
    private final int capacity;
    private final long minBackoffMillis;
    private final long maxBackoffMillis;
    private final BiConsumer<Envelope, Throwable> lost;
    private final AtomicInteger pending = new AtomicInteger();
    private final Queue<Envelope> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile Channel channel;

    // Guarded by this: the connection life cycle (the slow path only).
    private boolean connecting;
    private int failures;
    private volatile boolean closed;

    OutboundConnection(Endpoint peer, Handshake handshake, Bootstrap bootstrap, int capacity, long minBackoffMillis,
                       long maxBackoffMillis, BiConsumer<Envelope, Throwable> lost) {
        this.peer = peer;
        this.handshake = handshake;
        this.bootstrap = bootstrap;
        this.capacity = capacity;
        this.minBackoffMillis = minBackoffMillis;
        this.maxBackoffMillis = maxBackoffMillis;
        this.lost = lost;
    }

    /** Queues the message for writing; false when {@code capacity} messages are already pending. */
    boolean offer(Envelope envelope) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            return false;
        }
        if (closed) {
            pending.decrementAndGet();
            lost.accept(envelope, new MessagingException("connection to " + peer + " closed"));
            return true;
        }
        queue.add(envelope);
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            scheduleDrain(ch);
        } else {
            ensureConnected();
        }
        return true;
    }

    int pending() {
        return pending.get();
    }

    private void scheduleDrain(Channel ch) {
        if (drainScheduled.compareAndSet(false, true)) {
            ch.eventLoop().execute(() -> drain(ch));
        }
    }

    /** Runs on the channel's event loop. */
    private void drain(Channel ch) {
        // Cleared before polling: a message queued after the last poll then schedules its own drain.
        drainScheduled.set(false);
        if (!ch.isActive()) {
            ensureConnected();
            return;
        }
        boolean wrote = false;
        for (Envelope e; (e = queue.poll()) != null; ) {
            Envelope sent = e;
            ch.write(sent).addListener(f -> {
                pending.decrementAndGet();
                if (!f.isSuccess()) {
                    lost.accept(sent, f.cause());
                }
            });
            wrote = true;
        }
        if (wrote) {
            ch.flush();
        }
    }

    private synchronized void ensureConnected() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            // Connected between the caller's check and here: the message still needs a drain.
            scheduleDrain(ch);
        } else if (!connecting && !closed) {
            connect();
        }
    }

    private void connect() {
        connecting = true;
        bootstrap.connect(peer.host(), peer.port()).addListener(f -> onConnect((ChannelFuture) f));
    }

    private synchronized void onConnect(ChannelFuture f) {
        connecting = false;
        if (closed) {
            f.channel().close();
            failQueued(new MessagingException("connection to " + peer + " closed"));
            return;
        }
        if (!f.isSuccess()) {
            failures++;
            long backoff = Math.min(maxBackoffMillis, minBackoffMillis << Math.min(failures - 1, 20));
            log.debug("Connecting to {} failed ({}); next attempt in {} ms", peer, f.cause().getMessage(), backoff);
            failQueued(f.cause());
            // Until the back-off ends, new messages queue (bounded) and wait for that attempt.
            connecting = true;
            f.channel().eventLoop().schedule(this::retry, backoff, TimeUnit.MILLISECONDS);
            return;
        }
        failures = 0;
        Channel ch = f.channel();
        // We are on ch's event loop, so the handshake is written before any drain task runs.
        ch.write(handshake);
        channel = ch;
        ch.closeFuture().addListener(ignored -> onClosed(ch));
        drain(ch);
    }

    private synchronized void retry() {
        connecting = false;
        if (!closed && !queue.isEmpty()) {
            connect();
        }
    }

    private synchronized void onClosed(Channel ch) {
        if (channel == ch) {
            channel = null;
            log.debug("Connection to {} closed", peer);
            if (!closed && !queue.isEmpty() && !connecting) {
                connect();
            }
        }
    }

    private void failQueued(Throwable cause) {
        for (Envelope e; (e = queue.poll()) != null; ) {
            pending.decrementAndGet();
            lost.accept(e, cause);
        }
    }

    synchronized void close() {
        closed = true;
        failQueued(new MessagingException("connection to " + peer + " closed"));
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
