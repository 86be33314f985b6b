package io.stratadb.node.messaging;

import io.stratadb.node.messaging.payload.EmptyPayload;
import io.stratadb.node.messaging.payload.OpaquePayload;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The contract over Netty on loopback, plus what only a real network has: bad bytes, restarts, full queues. */
class NettyMessagingTest extends MessagingServiceContractTest {

    private final MessageFilter filter = new MessageFilter();

    @Override
    protected AbstractMessagingService create(String name) {
        return start(settings(name, 0));
    }

    private NettyMessagingService start(NettyMessagingSettings settings) {
        NettyMessagingService s = new NettyMessagingService(settings, filter, registry(), pool, timer);
        s.start();
        return s;
    }

    private static NettyMessagingSettings settings(String name, int port) {
        return NettyMessagingSettings.defaults(name, "127.0.0.1", port).withQueueCapacity(20_000)
                .withMaxPayloadBytes(64 * 1024);
    }

    @Override
    protected MessageFilter filter() {
        return filter;
    }

    private static final Message PULL = Message.of(Verb.SCHEMA_PULL, EmptyPayload.INSTANCE);

    /** Reads until the peer closes; returns true if it did (read returned -1) before the socket timeout. */
    private static boolean closedByPeer(Socket s) throws IOException {
        s.setSoTimeout((int) LONG.toMillis());
        InputStream in = s.getInputStream();
        return in.read() == -1;
    }

    @Test
    void garbageClosesThatConnectionButTheNodeKeepsServing() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        echo(b, Verb.SCHEMA_PULL);
        try (Socket bad = new Socket(InetAddress.getLoopbackAddress(), b.localEndpoint().port())) {
            bad.getOutputStream().write("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(closedByPeer(bad));
        }
        assertEquals(PULL, await(a.request(b.localEndpoint(), PULL, LONG)).message());
    }

    @Test
    void oversizedFrameClosesThatConnectionButTheNodeKeepsServing() throws Exception {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        echo(b, Verb.SCHEMA_PULL);
        try (Socket bad = new Socket(InetAddress.getLoopbackAddress(), b.localEndpoint().port())) {
            DataOutputStream out = new DataOutputStream(bad.getOutputStream());
            byte[] host = "127.0.0.1".getBytes(StandardCharsets.US_ASCII);
            out.writeInt(FrameFormat.MAGIC);
            out.writeByte(FrameFormat.VERSION);
            out.writeByte(host.length);
            out.write(host);
            out.writeShort(9);
            out.writeByte(FrameFormat.VERSION);
            out.writeShort(Verb.SCHEMA_PUSH.id());
            out.writeByte(0);
            out.writeLong(0);
            out.writeInt(100 * 1024 * 1024);
            out.flush();
            assertTrue(closedByPeer(bad));
        }
        assertEquals(PULL, await(a.request(b.localEndpoint(), PULL, LONG)).message());
    }

    @Test
    void payloadOverTheLimitFailsTheRequestAtTheSender() {
        AbstractMessagingService a = service("a");
        AbstractMessagingService b = service("b");
        echo(b, Verb.SCHEMA_PUSH);
        Message big = Message.of(Verb.SCHEMA_PUSH, new OpaquePayload(new byte[65 * 1024]));
        assertInstanceOf(MessagingException.class, failure(a.request(b.localEndpoint(), big, LONG)));
        assertEquals(1, a.metrics().droppedCount(Verb.SCHEMA_PUSH));
    }

    @Test
    void reconnectsAfterPeerRestart() throws Exception {
        AbstractMessagingService a = service("a");
        NettyMessagingService b = start(settings("b", 0));
        int port = b.localEndpoint().port();
        echo(b, Verb.SCHEMA_PULL);
        assertEquals(PULL, await(a.request(b.localEndpoint(), PULL, LONG)).message());
        b.close();

        NettyMessagingService b2 = start(settings("b2", port));
        try {
            echo(b2, Verb.SCHEMA_PULL);
            // Until A notices the old connection is gone, a request may fail; it must not stay failing.
            waitUntil(() -> {
                try {
                    return a.request(b2.localEndpoint(), PULL, Duration.ofSeconds(2)).get().message().equals(PULL);
                } catch (Exception e) {
                    return false;
                }
            }, "a request to the restarted peer to succeed");
        } finally {
            b2.close();
        }
    }

    @Test
    void requestToDeadPeerFailsFastThenSucceedsOnceThePeerIsUp() {
        AbstractMessagingService a = service("a");
        int port = freePort();
        io.stratadb.gossip.state.Endpoint peer = io.stratadb.gossip.state.Endpoint.of("127.0.0.1", port);
        // Connection refused fails the request at once, well before its 20 s timeout.
        assertInstanceOf(MessagingException.class, failure(a.request(peer, PULL, LONG)));
        assertEquals(0, a.metrics().timeoutCount());

        NettyMessagingService b = start(settings("b", port));
        try {
            echo(b, Verb.SCHEMA_PULL);
            waitUntil(() -> {
                try {
                    return a.request(peer, PULL, Duration.ofSeconds(2)).get().message().equals(PULL);
                } catch (Exception e) {
                    return false;
                }
            }, "the request to succeed after the back-off");
        } finally {
            b.close();
        }
    }

    @Test
    void fullQueueMakesRequestsFailFastWithOverload() throws Exception {
        NettyMessagingService a = start(settings("a", 0).withQueueCapacity(4).withMaxPayloadBytes(2 * 1024 * 1024));
        // Never accepts: the kernel completes the TCP handshake and buffers, nobody reads.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            io.stratadb.gossip.state.Endpoint peer = io.stratadb.gossip.state.Endpoint.of("127.0.0.1", silent.getLocalPort());
            Message big = Message.of(Verb.SCHEMA_PUSH, new OpaquePayload(new byte[1024 * 1024]));
            Throwable overload = null;
            // The peer never reads, so its socket buffers fill and at most 4 messages stay pending.
            for (int i = 0; i < 200 && overload == null; i++) {
                CompletableFuture<Response> f = a.request(peer, big, LONG);
                if (f.isCompletedExceptionally()) {
                    overload = failure(f);
                }
            }
            assertInstanceOf(OverloadedException.class, overload);
            assertTrue(a.pendingTo(peer) <= 4);
            a.send(peer, big);
            assertTrue(a.metrics().droppedCount(Verb.SCHEMA_PUSH) >= 2);
        } finally {
            a.close();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
