package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.messaging.payload.FailurePayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Everything both transports share: request ids and timeouts, filters, metrics, handler dispatch and
 * failure responses. A transport only moves {@link Envelope}s: {@link #transmit} out, {@link #receive} in.
 * Keeping this logic here is what lets one test suite cover both transports.
 */
public abstract class AbstractMessagingService implements MessagingService {

    private static final Logger log = LoggerFactory.getLogger(AbstractMessagingService.class);

    private final Map<Verb, VerbHandler> handlers = new ConcurrentHashMap<>();
    private final MessageFilter filter;
    private final MessagingMetrics metrics;
    private final Executor handlerExecutor;
    private final RequestTimer timer;
    private final PendingRequests pending;
    private volatile Endpoint local;
    private volatile boolean closed;

    AbstractMessagingService(MessageFilter filter, MessagingMetrics metrics, Executor handlerExecutor,
                             RequestTimer timer) {
        this.filter = Objects.requireNonNull(filter, "filter");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.handlerExecutor = Objects.requireNonNull(handlerExecutor, "handlerExecutor");
        this.timer = Objects.requireNonNull(timer, "timer");
        this.pending = new PendingRequests(timer, metrics::timeout);
    }

    /**
     * Hands an envelope to the wire. Returns false only when the peer's queue is full (backpressure);
     * a message lost later (connection drops, unknown peer) must be reported through {@link #lost}.
     */
    abstract boolean transmit(Endpoint to, Envelope envelope);

    final void setLocalEndpoint(Endpoint endpoint) {
        this.local = endpoint;
    }

    @Override
    public Endpoint localEndpoint() {
        Endpoint e = local;
        if (e == null) {
            throw new IllegalStateException("messaging service not started");
        }
        return e;
    }

    public MessagingMetrics metrics() {
        return metrics;
    }

    /** Requests still waiting for an answer (for tests and a gauge). */
    public int pendingRequests() {
        return pending.size();
    }

    @Override
    public void registerHandler(Verb verb, VerbHandler handler) {
        handlers.put(Objects.requireNonNull(verb), Objects.requireNonNull(handler));
    }

    @Override
    public void send(Endpoint to, Message message) {
        emit(to, new Envelope(localEndpoint(), MessageKind.ONE_WAY, 0, message));
    }

    @Override
    public CompletableFuture<Response> request(Endpoint to, Message message, Duration timeout) {
        CompletableFuture<Response> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new MessagingException("messaging service closed"));
            return future;
        }
        long id = pending.register(to, message.verb(), timeout, future);
        try {
            emit(to, new Envelope(localEndpoint(), MessageKind.REQUEST, id, message));
        } catch (RuntimeException e) {
            // Not started, or a payload its codec refuses: fail now rather than leave it to the timeout.
            pending.fail(id, e);
        }
        return future;
    }

    private void emit(Endpoint to, Envelope envelope) {
        if (closed) {
            lost(envelope, new MessagingException("messaging service closed"));
            return;
        }
        metrics.sent(envelope.verb());
        MessageFilter.Decision d = filter.decide(envelope.from(), to, envelope.verb());
        if (d.drop()) {
            // A filtered message behaves like one lost on the network: the requester times out.
            metrics.dropped(envelope.verb());
        } else if (d.delayMillis() > 0) {
            timer.schedule(() -> route(to, envelope), d.delayMillis());
        } else {
            route(to, envelope);
        }
    }

    private void route(Endpoint to, Envelope envelope) {
        if (to.equals(local)) {
            // Messages to ourselves skip the wire; the coordinator treats the local replica like any other.
            receive(envelope);
            return;
        }
        if (!transmit(to, envelope)) {
            metrics.dropped(envelope.verb());
            if (envelope.kind() == MessageKind.REQUEST) {
                pending.fail(envelope.requestId(), new OverloadedException(
                        "outbound queue to " + to + " is full; " + envelope.verb() + " not sent"));
            }
        }
    }

    /** A message the transport accepted but could not deliver; a request fails now rather than at timeout. */
    final void lost(Envelope envelope, Throwable cause) {
        metrics.dropped(envelope.verb());
        if (envelope.kind() == MessageKind.REQUEST) {
            pending.fail(envelope.requestId(), new MessagingException(
                    envelope.verb() + " request not delivered: " + cause.getMessage(), cause));
        }
    }

    /** Called by the transport for every decoded message; runs on the transport's thread. */
    final void receive(Envelope envelope) {
        if (closed) {
            return;
        }
        Verb verb = envelope.verb();
        metrics.received(verb);
        if (envelope.kind() == MessageKind.RESPONSE) {
            completeRequest(envelope);
            return;
        }
        VerbHandler handler = handlers.get(verb);
        if (handler == null) {
            log.debug("No handler for {} from {}", verb, envelope.from());
            replyFailure(envelope, FailurePayload.Code.NO_HANDLER, "no handler for " + verb);
            return;
        }
        if (!handler.mayBlock()) {
            runHandler(handler, envelope);
            return;
        }
        try {
            handlerExecutor.execute(() -> runHandler(handler, envelope));
        } catch (RejectedExecutionException e) {
            metrics.dropped(verb);
            replyFailure(envelope, FailurePayload.Code.OVERLOADED, "handler executor rejected " + verb);
        }
    }

    /** A frame whose verb id this version does not know: answered, not fatal (the sender may be newer). */
    final void receiveUnknownVerb(Endpoint from, MessageKind kind, long requestId, int verbId) {
        log.debug("Unknown verb id {} from {}", verbId, from);
        if (kind == MessageKind.REQUEST) {
            respond(from, requestId, Message.of(Verb.FAILURE_RESPONSE,
                    new FailurePayload(FailurePayload.Code.UNKNOWN_VERB, "unknown verb id " + verbId)));
        }
    }

    private void completeRequest(Envelope envelope) {
        boolean found;
        if (envelope.verb() == Verb.FAILURE_RESPONSE) {
            FailurePayload f = envelope.message().payload(FailurePayload.class);
            found = pending.fail(envelope.requestId(), new RemoteFailureException(
                    envelope.from() + " failed the request: " + f.message(), f.code()));
        } else {
            found = pending.complete(envelope.requestId(), new Response(envelope.from(), envelope.message()));
        }
        if (!found) {
            metrics.lateResponse();
        }
    }

    private void runHandler(VerbHandler handler, Envelope envelope) {
        try {
            handler.handle(envelope.from(), envelope.message(), replierFor(envelope));
        } catch (Throwable t) {
            log.warn("Handler for {} from {} failed", envelope.verb(), envelope.from(), t);
            replyFailure(envelope, FailurePayload.Code.HANDLER_ERROR, String.valueOf(t));
        }
    }

    private VerbHandler.Replier replierFor(Envelope envelope) {
        if (envelope.kind() != MessageKind.REQUEST) {
            return response -> log.debug("Ignoring a reply to one-way {}", envelope.verb());
        }
        AtomicBoolean replied = new AtomicBoolean();
        return response -> {
            if (replied.compareAndSet(false, true)) {
                respond(envelope.from(), envelope.requestId(), response);
            }
        };
    }

    private void replyFailure(Envelope envelope, FailurePayload.Code code, String message) {
        if (envelope.kind() == MessageKind.REQUEST) {
            respond(envelope.from(), envelope.requestId(),
                    Message.of(Verb.FAILURE_RESPONSE, new FailurePayload(code, message)));
        }
    }

    private void respond(Endpoint to, long requestId, Message response) {
        emit(to, new Envelope(localEndpoint(), MessageKind.RESPONSE, requestId, response));
    }

    /** Marks the service closed and fails what is still pending; subclasses then release their I/O. */
    final void closePending() {
        closed = true;
        pending.failAll(new MessagingException("messaging service closed"));
    }

    final boolean isClosed() {
        return closed;
    }
}
