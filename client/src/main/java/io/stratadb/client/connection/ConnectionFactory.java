package io.stratadb.client.connection;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.util.Timer;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.handshake.Compression;
import io.stratadb.client.protocol.handshake.Hello;
import io.stratadb.client.protocol.handshake.ProtocolPipeline;
import io.stratadb.client.protocol.handshake.Ready;
import io.stratadb.client.protocol.message.V1Codecs;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Opens connections: TCP connect, the protocol handlers, the handshake. A connection is handed out only
 * once READY has arrived, so nothing else is ever written before the handshake completes.
 */
public final class ConnectionFactory {
    /** Name of the {@link ClientHandshakeHandler} in the pipeline (it removes itself after READY). */
    public static final String HANDSHAKE = "strata-client-handshake";
    /** Name of the {@link RequestMultiplexer} at the tail of the pipeline. */
    public static final String REQUESTS = "strata-client-requests";

    private final Bootstrap bootstrap;
    private final Timer timer;
    private final ConnectionSettings settings;
    private final CodecRegistry registry = V1Codecs.registry();
    private final Hello hello;

    public ConnectionFactory(EventLoopGroup group, Class<? extends Channel> channelType, Timer timer,
                             ConnectionSettings settings) {
        this.timer = timer;
        this.settings = settings;
        this.hello = Hello.of(settings.clientName(), settings.compression() ? List.of(Compression.LZ4) : List.of());
        this.bootstrap = new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true) // latency: coalescing already batches small writes
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis());
    }

    /** Connects and shakes hands; fails with a {@link ConnectionException}. */
    public CompletableFuture<Connection> connect(InetSocketAddress address) {
        CompletableFuture<Ready> handshake = new CompletableFuture<>();
        CompletableFuture<Void> retired = new CompletableFuture<>();
        InFlightLimit limit = new InFlightLimit(settings.maxRequestsPerConnection());
        RequestMultiplexer multiplexer = new RequestMultiplexer(address, limit, settings.maxOrphans(), retired);
        ChannelFuture connected = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                ProtocolPipeline.addClientHandlers(ch.pipeline(), registry, settings.maxBodyBytes());
                ch.pipeline().addLast(HANDSHAKE, new ClientHandshakeHandler(hello, registry,
                        settings.maxBodyBytes(), address, settings.connectTimeout().toMillis(), handshake));
                ch.pipeline().addLast(REQUESTS, multiplexer);
            }
        }).connect(address);

        CompletableFuture<Connection> result = new CompletableFuture<>();
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                String why = String.valueOf(f.cause().getMessage());
                if (why.endsWith(": " + address)) { // Netty appends the address, which we say first
                    why = why.substring(0, why.length() - address.toString().length() - 2);
                }
                result.completeExceptionally(new ConnectionException(address, false, "cannot connect to " + address
                        + ": " + why, f.cause()));
            } else if (isSelfConnected(connected.channel())) {
                // Connecting to a closed port of this machine that lies in the ephemeral range can
                // pick that very port as the local end (TCP simultaneous open): the socket talks to
                // itself and would squat the port the node is about to bind again.
                connected.channel().close();
                result.completeExceptionally(new ConnectionException(address, false,
                        "cannot connect to " + address + ": connected to itself (nothing listens there)", null));
            }
        });
        handshake.whenComplete((ready, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(new Connection(connected.channel(), address, limit, multiplexer, timer, retired));
            }
        });
        return result;
    }

    private static boolean isSelfConnected(Channel ch) {
        return ch.localAddress() != null && ch.localAddress().equals(ch.remoteAddress());
    }
}
