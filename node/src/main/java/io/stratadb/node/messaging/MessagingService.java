package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages to other nodes and dispatches the ones that arrive. Delivery is at most once: a
 * message can be lost (peer down, queue full, filter), never duplicated by this layer. Implemented over
 * Netty ({@link NettyMessagingService}) and in memory ({@link InMemoryMessagingNetwork}).
 */
public interface MessagingService extends AutoCloseable {

    /** This node's identity on the internode network; valid after {@link #start()}. */
    Endpoint localEndpoint();

    void start();

    /** One-way: no answer, no error. When the peer's queue is full the message is dropped and counted. */
    void send(Endpoint to, Message message);

    /**
     * Sends a request and completes with the peer's response. Fails with {@link RequestTimeoutException}
     * after {@code timeout}, {@link OverloadedException} at once when the peer's queue is full,
     * {@link RemoteFailureException} when the peer answered with a failure. A response that arrives after
     * the timeout is dropped and counted. The future completes on a messaging or timer thread: callers
     * that do blocking work on completion should use an async stage with their own executor.
     */
    CompletableFuture<Response> request(Endpoint to, Message message, Duration timeout);

    /** Installs the handler for a verb, replacing any previous one. */
    void registerHandler(Verb verb, VerbHandler handler);

    /** Stops sending and receiving; pending requests fail. */
    @Override
    void close();
}
