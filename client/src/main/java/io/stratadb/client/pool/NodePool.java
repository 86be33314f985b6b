package io.stratadb.client.pool;

import io.netty.util.Timer;
import io.stratadb.client.connection.Connection;
import io.stratadb.client.connection.ConnectionFactory;
import io.stratadb.client.exception.BusyConnectionException;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.routing.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections to one node: keeps {@code size} of them open, hands one with a free permit to each
 * request, and reconnects with exponential backoff when they close or cannot be opened. A node with no
 * open connection is skipped by requests until reconnection succeeds.
 *
 * <p>Handing out a connection is lock-free (a copy-on-write list); opening, closing and reconnecting are
 * rare and synchronized on the pool.
 */
public final class NodePool {
    private static final Logger log = LoggerFactory.getLogger(NodePool.class);

    private final Node node;
    private final ConnectionFactory factory;
    private final int size;
    private final int maxRequestsPerConnection;
    private final ExponentialBackoff backoff;
    private final Timer timer;
    private final NodeStateListener listener;
    private final AtomicInteger nextConnection = new AtomicInteger();
    private final CompletableFuture<Void> firstOutcome = new CompletableFuture<>();
    private volatile List<Connection> connections = List.of();

    // Guarded by this.
    private int opening;
    private int initialAttemptsLeft;
    private int failedAttempts;
    private boolean reconnectScheduled;
    private boolean closed;
    private Throwable lastError;

    public NodePool(Node node, ConnectionFactory factory, int size, int maxRequestsPerConnection,
                    ExponentialBackoff backoff, Timer timer) {
        this(node, factory, size, maxRequestsPerConnection, backoff, timer, NodeStateListener.NONE);
    }

    /** @param listener told when the node becomes reachable or unreachable */
    public NodePool(Node node, ConnectionFactory factory, int size, int maxRequestsPerConnection,
                    ExponentialBackoff backoff, Timer timer, NodeStateListener listener) {
        if (size < 1) {
            throw new IllegalArgumentException("at least one connection per node, not " + size);
        }
        this.node = node;
        this.factory = factory;
        this.size = size;
        this.maxRequestsPerConnection = maxRequestsPerConnection;
        this.backoff = backoff;
        this.timer = timer;
        this.listener = listener;
    }

    public Node node() {
        return node;
    }

    /**
     * Opens the connections. The result completes when the first is ready, or fails with the last error
     * once every first attempt failed (reconnection goes on in the background either way).
     */
    public synchronized CompletableFuture<Void> start() {
        initialAttemptsLeft = size;
        fill();
        return firstOutcome;
    }

    /** A connection holding a permit for one request, or {@code null} if none is open or all are full. */
    public Connection acquire() {
        List<Connection> snapshot = connections;
        int n = snapshot.size();
        if (n == 0) {
            return null;
        }
        int start = Math.floorMod(nextConnection.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Connection c = snapshot.get((start + i) % n);
            if (c.tryAcquire()) {
                return c;
            }
        }
        return null;
    }

    /** Why {@link #acquire()} just returned null: the node is not connected, or it is busy. */
    public Throwable unavailableReason() {
        int open = connections.size();
        if (open > 0) {
            return new BusyConnectionException(node.address(), open, maxRequestsPerConnection);
        }
        Throwable last;
        synchronized (this) {
            last = lastError;
        }
        return new ConnectionException(node.address(), false, "not connected to " + node.address()
                + (last == null ? " (connecting)" : " (last attempt: " + last.getMessage() + ")"), null);
    }

    public boolean isConnected() {
        return !connections.isEmpty();
    }

    /** The open, usable connections; for tests and diagnostics. */
    public List<Connection> connections() {
        return connections;
    }

    private void fill() {
        int missing = size - connections.size() - opening;
        for (int i = 0; i < missing && !closed; i++) {
            opening++;
            factory.connect(node.address()).whenComplete(this::onOpened);
        }
    }

    private void onOpened(Connection connection, Throwable error) {
        boolean firstOpen;
        boolean stillDown;
        synchronized (this) {
            opening--;
            if (closed) {
                if (connection != null) {
                    connection.close();
                }
                return;
            }
            if (error != null) {
                failedAttempts++;
                lastError = error;
                log.debug("connecting to {} failed (attempt {}): {}", node, failedAttempts, error.getMessage());
                if (initialAttemptsLeft > 0 && --initialAttemptsLeft == 0 && connections.isEmpty()) {
                    firstOutcome.completeExceptionally(error);
                }
                scheduleReconnect();
                stillDown = connections.isEmpty();
                firstOpen = false;
            } else {
                if (failedAttempts > 0) {
                    log.info("reconnected to {} after {} failed attempt(s)", node, failedAttempts);
                }
                failedAttempts = 0;
                lastError = null;
                initialAttemptsLeft = 0;
                firstOpen = connections.isEmpty();
                stillDown = false;
                List<Connection> updated = new ArrayList<>(connections);
                updated.add(connection);
                connections = List.copyOf(updated);
            }
        }
        // The listener is called outside the lock: it may take its own locks, which call back into pools.
        if (error != null) {
            if (stillDown) {
                listener.onDown(node, error);
            }
            return;
        }
        if (firstOpen) {
            listener.onUp(node);
        }
        firstOutcome.complete(null);
        // Outside the lock: these run at once if the connection already closed or retired.
        connection.retiredFuture().thenRun(() -> onRetired(connection));
        connection.closeFuture().thenRun(() -> onClosed(connection));
    }

    private synchronized void onRetired(Connection connection) {
        if (remove(connection) && !closed) {
            fill(); // a replacement at once: the retired one drains and closes on its own
        }
    }

    private void onClosed(Connection connection) {
        boolean lostLast;
        synchronized (this) {
            if (!remove(connection) || closed) {
                return;
            }
            log.info("connection to {} closed; reconnecting", node);
            scheduleReconnect();
            lostLast = connections.isEmpty();
        }
        if (lostLast) {
            listener.onDown(node, new ConnectionException(node.address(), false, "connection to " + node.address()
                    + " closed", null));
        }
    }

    private boolean remove(Connection connection) {
        List<Connection> updated = new ArrayList<>(connections);
        boolean removed = updated.remove(connection);
        connections = List.copyOf(updated);
        return removed;
    }

    private void scheduleReconnect() {
        if (reconnectScheduled || closed) {
            return;
        }
        reconnectScheduled = true;
        try {
            timer.newTimeout(t -> {
                synchronized (this) {
                    reconnectScheduled = false;
                    fill();
                }
            }, backoff.delayNanos(failedAttempts), TimeUnit.NANOSECONDS);
        } catch (IllegalStateException e) {
            reconnectScheduled = false; // the timer was stopped: the client is closing
        }
    }

    /** Closes every connection and stops reconnecting; requests in flight fail. */
    public CompletableFuture<Void> close() {
        List<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = connections;
            connections = List.of();
        }
        firstOutcome.completeExceptionally(new ConnectionException(node.address(), false, "client closed", null));
        return CompletableFuture.allOf(toClose.stream().map(Connection::close).toArray(CompletableFuture[]::new));
    }
}
