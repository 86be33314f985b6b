package io.stratadb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.ProtocolErrorException;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.protocol.ProtocolVersion;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.handshake.Compression;
import io.stratadb.client.protocol.handshake.HandshakeCompleted;
import io.stratadb.client.protocol.handshake.HandshakeNegotiator;
import io.stratadb.client.protocol.handshake.HandshakeOptions;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.handshake.ProtocolPipeline;
import io.stratadb.client.protocol.handshake.Ready;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.client.protocol.testing.RawFrames;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A client stack and a server stack on in-memory channels, bytes pumped between them by hand. */
class ClientHandshakeHandlerTest {
    private static final int MAX = ProtocolLimits.DEFAULT_MAX_BODY_BYTES;
    private static final long TIMEOUT_MILLIS = 1000;
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 9470);

    private final CodecRegistry registry = V1Codecs.registry();
    private final CompletableFuture<Ready> done = new CompletableFuture<>();
    private final List<Object> serverEvents = new ArrayList<>();

    private EmbeddedChannel client(boolean lz4) {
        Hello hello = Hello.of("test-client", lz4 ? List.of(Compression.LZ4) : List.of());
        return new EmbeddedChannel(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ProtocolPipeline.addClientHandlers(ch.pipeline(), registry, MAX);
                ch.pipeline().addLast(ConnectionFactory.HANDSHAKE,
                        new ClientHandshakeHandler(hello, registry, MAX, ADDRESS, TIMEOUT_MILLIS, done));
            }
        });
    }

    private EmbeddedChannel server(HandshakeNegotiator negotiator) {
        EmbeddedChannel server = new EmbeddedChannel();
        ProtocolPipeline.addServerHandlers(server.pipeline(), registry, MAX, negotiator);
        server.pipeline().addLast(new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                serverEvents.add(evt);
            }
        });
        return server;
    }

    private static void pump(EmbeddedChannel from, EmbeddedChannel to) {
        ByteBuf bytes = RawFrames.drainOutbound(from);
        if (bytes.isReadable()) {
            to.writeInbound(bytes);
        } else {
            bytes.release();
        }
    }

    private Throwable failure() {
        assertTrue(done.isCompletedExceptionally());
        try {
            done.join();
            throw new AssertionError("unreachable");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void helloGoesOutAtConnectAndReadyWithLz4InstallsCompression() {
        EmbeddedChannel client = client(true);
        EmbeddedChannel server = server(HandshakeNegotiator.standard("test-server"));
        pump(client, server);
        HandshakeCompleted agreed = assertInstanceOf(HandshakeCompleted.class, serverEvents.get(0));
        assertEquals(Compression.LZ4, agreed.compression());
        assertEquals("test-client", agreed.clientName());
        assertFalse(done.isDone(), "not before READY");

        pump(server, client);
        Ready ready = done.join();
        assertEquals(ProtocolVersion.V1.code(), ready.version());
        assertEquals(Compression.LZ4, ready.compression());
        assertNotNull(client.pipeline().get(ProtocolPipeline.COMPRESSOR));
        assertNotNull(client.pipeline().get(ProtocolPipeline.DECOMPRESSOR));
        assertNull(client.pipeline().get(ConnectionFactory.HANDSHAKE), "the handshake handler removes itself");
        assertTrue(client.isActive());
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    @Test
    void withoutCompressionNoneIsInstalled() {
        EmbeddedChannel client = client(false);
        EmbeddedChannel server = server(HandshakeNegotiator.standard("test-server"));
        pump(client, server);
        pump(server, client);
        assertEquals(Compression.NONE, done.join().compression());
        assertNull(client.pipeline().get(ProtocolPipeline.COMPRESSOR));
        server.finishAndReleaseAll();
        client.finishAndReleaseAll();
    }

    @Test
    void anErrorInsteadOfReadyFailsTheConnectionWithTheServersReason() {
        EmbeddedChannel client = client(true);
        EmbeddedChannel server = server(new HandshakeNegotiator(EnumSet.of(ProtocolVersion.V1),
                EnumSet.of(Compression.NONE), "no-lz4"));
        // The client offers only LZ4, which this server cannot agree to.
        pump(client, server);
        pump(server, client);
        ConnectionException e = assertInstanceOf(ConnectionException.class, failure());
        assertFalse(e.wasRequestSent());
        assertInstanceOf(ProtocolErrorException.class, e.getCause());
        assertTrue(e.getMessage().contains("compression"), e.getMessage());
        assertFalse(client.isActive(), "the client closes a connection whose handshake failed");
        server.finishAndReleaseAll();
    }

    @Test
    void noReadyWithinTheTimeoutFailsTheConnection() {
        EmbeddedChannel client = client(false);
        RawFrames.drainOutbound(client).release(); // HELLO goes nowhere
        client.advanceTimeBy(TIMEOUT_MILLIS + 1, TimeUnit.MILLISECONDS);
        client.runScheduledPendingTasks();
        assertTrue(failure().getMessage().contains("no READY within"), failure().getMessage());
        assertFalse(client.isActive());
    }

    @Test
    void theConnectionClosingBeforeReadyFailsIt() {
        EmbeddedChannel client = client(false);
        RawFrames.drainOutbound(client).release();
        client.close();
        assertTrue(failure().getMessage().contains("closed during the handshake"), failure().getMessage());
    }

    @Test
    void aReadyChoosingCompressionTheClientDidNotOfferIsRefused() {
        EmbeddedChannel client = client(false);
        RawFrames.drainOutbound(client).release();
        EmbeddedChannel fakeServer = new EmbeddedChannel();
        ProtocolPipeline.addServerHandlers(fakeServer.pipeline(), registry, MAX,
                HandshakeNegotiator.standard("unused"));
        // Bypass the server's negotiator: write a READY it would never send.
        fakeServer.pipeline().context(ProtocolPipeline.HANDSHAKE).writeAndFlush(new Envelope(0,
                new Ready(1, Map.of(HandshakeOptions.COMPRESSION, "lz4"))));
        pump(fakeServer, client);
        assertTrue(failure().getMessage().contains("did not offer"), failure().getMessage());
        assertFalse(client.isActive());
        fakeServer.finishAndReleaseAll();
    }
}
