package io.stratadb.node.messaging;

import com.codahale.metrics.MetricRegistry;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.concurrent.RequestTimer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Internode messaging over TCP. Each node sends on its own outbound connection per peer and receives on
 * the connections peers open to it; a response travels on the responder's outbound connection, like any
 * message (Cassandra's model). So each direction has its own queue and backpressure, and a connection
 * carries bytes one way only, which keeps both pipelines simple.
 */
public final class NettyMessagingService extends AbstractMessagingService {

    private static final Logger log = LoggerFactory.getLogger(NettyMessagingService.class);

    private final NettyMessagingSettings settings;
    private final Map<Endpoint, OutboundConnection> outbound = new ConcurrentHashMap<>();
    private final ChannelGroup inbound = new DefaultChannelGroup("internode-inbound", GlobalEventExecutor.INSTANCE);
    // Set once by start(), read by sending threads.
    private volatile EventLoopGroup group;
    private volatile Bootstrap bootstrap;
    private volatile Channel serverChannel;
    private volatile Handshake handshake;
    private boolean closed;

    public NettyMessagingService(NettyMessagingSettings settings, MessageFilter filter, MetricRegistry registry,
                                 Executor handlerExecutor, RequestTimer timer) {
        super(filter, new MessagingMetrics(registry), handlerExecutor, timer);
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        group = new NioEventLoopGroup(settings.ioThreads(), new NodeThreadFactory(settings.nodeName(), "internode-io"));
        int max = settings.maxPayloadBytes();
        ServerBootstrap server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        inbound.add(ch);
                        ch.pipeline().addLast(new FrameDecoder(max), new InboundMessageHandler(NettyMessagingService.this));
                    }
                });
        serverChannel = server.bind(settings.host(), settings.port()).syncUninterruptibly().channel();
        InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
        setLocalEndpoint(new Endpoint(settings.host(), bound.getPort()));
        handshake = new Handshake(FrameFormat.VERSION, localEndpoint());
        bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.connectTimeout().toMillis())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new FlushConsolidationHandler(256, true), new FrameEncoder(max),
                                new OutboundTail());
                    }
                });
        log.info("Internode messaging listening on {}", bound);
    }

    /** The address the server is bound to (the real port when configured with port 0). */
    public InetSocketAddress boundAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    boolean transmit(Endpoint to, Envelope envelope) {
        if (isClosed()) {
            return true; // closePending already failed the request; nothing to count twice
        }
        return outbound.computeIfAbsent(to, this::newConnection).offer(envelope);
    }

    private OutboundConnection newConnection(Endpoint peer) {
        return new OutboundConnection(peer, handshake, bootstrap, settings.queueCapacity(),
                settings.minBackoff().toMillis(), settings.maxBackoff().toMillis(), this::lost);
    }

    /** Messages accepted for {@code peer} and not yet written to its socket. */
    public int pendingTo(Endpoint peer) {
        OutboundConnection c = outbound.get(peer);
        return c == null ? 0 : c.pending();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closePending();
        outbound.values().forEach(OutboundConnection::close);
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        inbound.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    /**
     * Outbound connections carry bytes one way; a peer that writes on one is ignored. Errors close the
     * connection, which the next message re-opens.
     */
    private static final class OutboundTail extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ReferenceCountUtil.release(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.debug("Closing outbound internode connection to {}: {}", ctx.channel().remoteAddress(),
                    cause.getMessage());
            ctx.close();
        }
    }
}
