package io.stratadb.client.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.stratadb.client.connection.Connection;
import io.stratadb.client.connection.ConnectionFactory;
import io.stratadb.client.connection.ConnectionSettings;
import io.stratadb.client.exception.BusyConnectionException;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.routing.Node;
import io.stratadb.client.testing.FakeStrataServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pools against a real local server: connecting, handing out permits, losing and regaining the node. */
class NodePoolTest {
    private static final int MAX_REQUESTS = 2;

    private final NioEventLoopGroup group = new NioEventLoopGroup(1, new DefaultThreadFactory("pool-test", true));
    private final HashedWheelTimer timer = new HashedWheelTimer(new DefaultThreadFactory("pool-timer", true), 5,
            TimeUnit.MILLISECONDS);
    private final ConnectionFactory factory = new ConnectionFactory(group, NioSocketChannel.class, timer,
            new ConnectionSettings("test", false, ProtocolLimits.DEFAULT_MAX_BODY_BYTES, Duration.ofSeconds(2),
                    MAX_REQUESTS, 1));
    private final ExponentialBackoff fastBackoff = new ExponentialBackoff(Duration.ofMillis(20),
            Duration.ofMillis(100), () -> 0.5);
    private FakeStrataServer server = FakeStrataServer.start();
    private NodePool pool;

    @AfterEach
    void tearDown() {
        if (pool != null) {
            pool.close().join();
        }
        server.close();
        timer.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private NodePool pool(int size, int port) {
        pool = new NodePool(new Node(new InetSocketAddress("127.0.0.1", port)), factory, size, MAX_REQUESTS,
                fastBackoff, timer);
        return pool;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void opensItsConnectionsAndSpreadsRequestsOverThem() throws Exception {
        pool(3, server.port()).start().join();
        await(() -> pool.connections().size() == 3, "three connections are open");
        assertEquals(3, server.handshakes().size());
        Set<Connection> used = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            used.add(pool.acquire());
        }
        assertEquals(3, used.size(), "round-robin over the connections");
    }

    @Test
    void whenEveryConnectionIsFullItSaysBusyInsteadOfQueueing() {
        pool(1, server.port()).start().join();
        Connection c = pool.acquire();
        assertSame(c, pool.acquire());
        assertNull(pool.acquire(), MAX_REQUESTS + " permits per connection");
        BusyConnectionException busy = assertInstanceOf(BusyConnectionException.class, pool.unavailableReason());
        assertTrue(busy.requestHadNoEffect());
    }

    @Test
    void startFailsWhenNothingListensAndSaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        CompletionException e = assertThrows(CompletionException.class, () -> pool(2, closedPort).start().join());
        ConnectionException cause = assertInstanceOf(ConnectionException.class, e.getCause());
        assertTrue(cause.getMessage().contains("cannot connect"), cause.getMessage());
        assertNull(pool.acquire());
        assertInstanceOf(ConnectionException.class, pool.unavailableReason());
    }

    @Test
    void reconnectsAfterTheServerDropsItsConnections() throws Exception {
        pool(2, server.port()).start().join();
        await(() -> pool.connections().size() == 2, "both connections are open");
        server.dropConnections();
        await(() -> server.acceptedConnections() >= 4 && pool.connections().size() == 2, "the pool reconnected");
        assertNotNull(pool.acquire());
    }

    @Test
    void keepsTryingWhileTheNodeIsDownAndRecoversWhenItReturns() throws Exception {
        pool(1, server.port()).start().join();
        server.stop();
        await(() -> !pool.isConnected(), "the pool noticed the node went away");
        assertNull(pool.acquire());
        Thread.sleep(150); // several failed attempts, so the backoff has grown
        server.restart();
        await(pool::isConnected, "the pool reconnected to the restarted node");
        assertNotNull(pool.acquire());
    }

    @Test
    void closingStopsReconnection() throws Exception {
        pool(1, server.port()).start().join();
        pool.close().join();
        int accepted = server.acceptedConnections();
        Thread.sleep(150);
        assertEquals(accepted, server.acceptedConnections());
        assertNull(pool.acquire());
    }

    @Test
    void theListenerHearsTheNodeGoAndComeBack() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        NodeStateListener listener = new NodeStateListener() {
            @Override
            public void onUp(Node node) {
                events.add("up");
            }

            @Override
            public void onDown(Node node, Throwable cause) {
                events.add("down");
            }
        };
        pool = new NodePool(new Node(new InetSocketAddress("127.0.0.1", server.port())), factory, 2, MAX_REQUESTS,
                fastBackoff, timer, listener);
        pool.start().join();
        await(() -> pool.connections().size() == 2, "both connections are open");
        assertEquals(List.of("up"), events, "the second connection is no news");
        server.stop();
        await(() -> !pool.isConnected(), "the pool noticed the node went away");
        await(() -> events.size() >= 2, "the listener heard");
        assertEquals("down", events.get(1));
        server.restart();
        await(pool::isConnected, "the pool reconnected");
        await(() -> events.get(events.size() - 1).equals("up"), "the listener heard it come back");
        assertEquals(2, events.stream().filter("up"::equals).count(), "up at the start and on return: " + events);
    }
}
