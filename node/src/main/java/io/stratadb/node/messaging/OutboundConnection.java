package io.stratadb.node.messaging;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.stratadb.gossip.state.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * The one connection this node sends on to one peer: connected lazily on the first message, re-connected
 * after it drops, with an exponential back-off after failed attempts.
 *
 * <p>{@code pending} counts every message accepted and not yet written to the socket (queued while
 * connecting, or in Netty's outbound buffer). It is the backpressure bound: past {@code capacity},
 * {@link #offer} refuses, so a slow or dead peer costs bounded memory. A failed connection attempt fails
 * everything queued for it at once, so requests to a dead peer fail fast instead of timing out.
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

    // Guarded by this: connection state and the backlog, so messages reach the socket in offer order.
    private final ArrayDeque<Envelope> backlog = new ArrayDeque<>();
    private Channel channel;
    private boolean connecting;
    private int failures;
    private boolean closed;

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

    /** Queues or writes the message; false when {@code capacity} messages are already pending. */
    boolean offer(Envelope envelope) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            return false;
        }
        synchronized (this) {
            if (closed) {
                pending.decrementAndGet();
                lost.accept(envelope, new MessagingException("connection to " + peer + " closed"));
            } else if (channel != null && channel.isActive()) {
                write(channel, envelope);
            } else {
                backlog.add(envelope);
                if (!connecting) {
                    connect();
                }
            }
        }
        return true;
    }

    int pending() {
        return pending.get();
    }

    private void write(Channel ch, Envelope envelope) {
        // FlushConsolidationHandler in the pipeline turns these flushes into one per event-loop turn.
        ch.writeAndFlush(envelope).addListener(f -> {
            pending.decrementAndGet();
            if (!f.isSuccess()) {
                lost.accept(envelope, f.cause());
            }
        });
    }

    private void connect() {
        connecting = true;
        bootstrap.connect(peer.host(), peer.port()).addListener(f -> onConnect((ChannelFuture) f));
    }

    private synchronized void onConnect(ChannelFuture f) {
        connecting = false;
        if (closed) {
            f.channel().close();
            failBacklog(new MessagingException("connection to " + peer + " closed"));
            return;
        }
        if (!f.isSuccess()) {
            failures++;
            long backoff = Math.min(maxBackoffMillis, minBackoffMillis << Math.min(failures - 1, 20));
            log.debug("Connecting to {} failed ({}); next attempt in {} ms", peer, f.cause().getMessage(), backoff);
            failBacklog(f.cause());
            // Until the back-off ends, new messages queue (bounded) and wait for that attempt.
            connecting = true;
            f.channel().eventLoop().schedule(this::retry, backoff, TimeUnit.MILLISECONDS);
            return;
        }
        failures = 0;
        channel = f.channel();
        channel.write(handshake);
        for (Envelope e; (e = backlog.poll()) != null; ) {
            write(channel, e);
        }
        Channel ch = channel;
        ch.closeFuture().addListener(ignored -> onClosed(ch));
    }

    private synchronized void retry() {
        connecting = false;
        if (!closed && !backlog.isEmpty()) {
            connect();
        }
    }

    private synchronized void onClosed(Channel ch) {
        if (channel == ch) {
            channel = null;
            log.debug("Connection to {} closed", peer);
            if (!closed && !backlog.isEmpty() && !connecting) {
                connect();
            }
        }
    }

    private void failBacklog(Throwable cause) {
        for (Envelope e; (e = backlog.poll()) != null; ) {
            pending.decrementAndGet();
            lost.accept(e, cause);
        }
    }

    synchronized void close() {
        closed = true;
        failBacklog(new MessagingException("connection to " + peer + " closed"));
        if (channel != null) {
            channel.close();
        }
    }
}
