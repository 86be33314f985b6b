package io.stratadb.node.messaging;

import com.codahale.metrics.MetricRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.RequestTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Connects {@link MessagingService}s in one JVM without sockets. Every payload still goes through its
 * codec (encode, then decode a copy), so a cluster test over this network also exercises the wire
 * format and no two nodes ever share a mutable payload.
 *
 * <p>Two modes: {@link #withExecutor} delivers each message as a task on an executor (a direct executor
 * makes delivery synchronous); {@link #manual} queues messages until the test calls {@link #deliverNext}
 * or {@link #deliverAll}, for tests that need an exact interleaving.
 */
public final class InMemoryMessagingNetwork {

    private static final Logger log = LoggerFactory.getLogger(InMemoryMessagingNetwork.class);

    private final Map<Endpoint, Service> services = new ConcurrentHashMap<>();
    private final MessageFilter filter = new MessageFilter();
    private final Executor deliveryExecutor;
    private final ArrayDeque<Runnable> queued = new ArrayDeque<>();

    private InMemoryMessagingNetwork(Executor deliveryExecutor) {
        this.deliveryExecutor = deliveryExecutor;
    }

    public static InMemoryMessagingNetwork withExecutor(Executor executor) {
        return new InMemoryMessagingNetwork(executor);
    }

    public static InMemoryMessagingNetwork manual() {
        return new InMemoryMessagingNetwork(null);
    }

    /** The filter every service on this network consults. */
    public MessageFilter filter() {
        return filter;
    }

    /** A service for {@code endpoint}; it joins the network on {@link MessagingService#start()}. */
    public AbstractMessagingService newService(Endpoint endpoint, MetricRegistry registry, Executor handlerExecutor,
                                               RequestTimer timer) {
        return new Service(endpoint, new MessagingMetrics(registry), handlerExecutor, timer);
    }

    /** Delivers the oldest queued message (manual mode); false when none is queued. */
    public boolean deliverNext() {
        Runnable r;
        synchronized (queued) {
            r = queued.poll();
        }
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }

    /** Delivers until the queue is empty, including messages sent while delivering; returns how many. */
    public int deliverAll() {
        int n = 0;
        while (deliverNext()) {
            n++;
        }
        return n;
    }

    private void deliver(Service from, Endpoint to, Envelope envelope) {
        // Encoded now, on the sender's side, as a real network would snapshot the bytes at send time.
        ByteBuf bytes = Unpooled.buffer();
        try {
            envelope.verb().encodePayload(envelope.message().payload(), bytes);
        } catch (RuntimeException e) {
            // As over Netty, where the encoder fails the write: the message is lost, not thrown at the sender.
            from.lost(envelope, e);
            return;
        }
        Runnable delivery = () -> {
            Service target = services.get(to);
            if (target == null) {
                from.lost(envelope, new MessagingException("no node at " + to));
                return;
            }
            Message copy;
            try {
                copy = Payloads.decode(envelope.verb(), bytes);
            } catch (MalformedFrameException e) {
                // A codec that cannot read what it wrote: a bug, reported like Netty's closed connection.
                log.error("{} from {} to {} does not decode", envelope.verb(), envelope.from(), to, e);
                from.lost(envelope, e);
                return;
            }
            target.receive(new Envelope(envelope.from(), envelope.kind(), envelope.requestId(), copy));
        };
        if (deliveryExecutor == null) {
            synchronized (queued) {
                queued.add(delivery);
            }
        } else {
            deliveryExecutor.execute(delivery);
        }
    }

    private final class Service extends AbstractMessagingService {
        private final Endpoint endpoint;

        Service(Endpoint endpoint, MessagingMetrics metrics, Executor handlerExecutor, RequestTimer timer) {
            super(filter, metrics, handlerExecutor, timer);
            this.endpoint = endpoint;
        }

        @Override
        public void start() {
            setLocalEndpoint(endpoint);
            if (services.putIfAbsent(endpoint, this) != null) {
                throw new IllegalStateException("a service is already running at " + endpoint);
            }
        }

        @Override
        boolean transmit(Endpoint to, Envelope envelope) {
            deliver(this, to, envelope);
            return true;
        }

        @Override
        public void close() {
            services.remove(endpoint, this);
            closePending();
        }
    }
}
