package io.stratadb.node.transport;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.stratadb.client.protocol.handshake.HandshakeNegotiator;
import io.stratadb.client.protocol.message.V1Codecs;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.metrics.NodeMetrics;
import io.stratadb.node.service.RequestHandlers;
import io.stratadb.storage.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The client-facing server: binds the configured address, then accepts only once
 * {@link #startAccepting()} is called, so the node can learn the bound port (configured as 0 in tests)
 * and finish starting before the first request arrives. Shutdown is in steps the node orders:
 * {@link #stopAccepting()}, then (after in-flight requests drained) {@link #closeConnections} and
 * {@link #close()}.
 */
public final class ClientServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClientServer.class);

    private final Settings settings;
    private final TransportKind transport;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final ChannelGroup connections;
    private final ConnectionTracker tracker;
    private final ClientChannelInitializer initializer;
    private Channel serverChannel;

    /** What the server needs from the node's configuration. */
    public record Settings(String host, int port, int maxFrameBytes, int eventLoopThreads, boolean useEpoll,
                           int maxInFlightPerConnection, String serverName) {
    }

    public ClientServer(Settings settings, String nodeName, RequestHandlers handlers, InFlightLimiter limiter,
                        NodeMetrics metrics, Clock clock) {
        this.settings = settings;
        this.transport = TransportKind.choose(settings.useEpoll());
        int threads = settings.eventLoopThreads() > 0 ? settings.eventLoopThreads() : Runtime.getRuntime().availableProcessors();
        this.acceptor = transport.newGroup(1, new NodeThreadFactory(nodeName, "client-accept"));
        this.workers = transport.newGroup(threads, new NodeThreadFactory(nodeName, "client-io"));
        // The group only tracks channels; its executor merely runs close() listeners.
        this.connections = new DefaultChannelGroup("client-connections", GlobalEventExecutor.INSTANCE);
        this.tracker = new ConnectionTracker(connections);
        this.initializer = new ClientChannelInitializer(V1Codecs.registry(),
                HandshakeNegotiator.standard(settings.serverName()), settings.maxFrameBytes(), tracker, handlers,
                limiter, settings.maxInFlightPerConnection(), metrics, clock);
        if (settings.useEpoll() && transport == TransportKind.NIO) {
            log.info("Native epoll unavailable ({}); using NIO", String.valueOf(Epoll.unavailabilityCause()));
        }
    }

    /** Binds the listening socket without accepting yet; returns the bound address. */
    public InetSocketAddress bind() throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap()
                .group(acceptor, workers)
                .channel(transport.serverChannel())
                // Not reading on the server channel means not accepting: connections wait in the backlog
                // until startAccepting().
                .option(ChannelOption.AUTO_READ, false)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(initializer);
        serverChannel = b.bind(settings.host(), settings.port()).sync().channel();
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        log.info("Client server bound to {} ({})", bound, transport);
        return bound;
    }

    public void startAccepting() {
        serverChannel.config().setAutoRead(true);
    }

    /** Closes the listening socket; open connections stay. */
    public void stopAccepting() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
    }

    /** Closes every client connection (answers already queued are flushed first). */
    public void closeConnections(long timeoutMillis) {
        connections.close().awaitUninterruptibly(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    public int openConnections() {
        return tracker.open();
    }

    /** Stops the event loops. */
    @Override
    public void close() {
        stopAccepting();
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        acceptor.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
